// Command unstuck is a self-help troubleshooter for self-custody wallet
// users: stuck, failed or missing transfers, DApps that won't connect,
// "is this really support?" and "I can't get into my wallet". One file per
// command (an Options struct and a run method each), the error to exit
// code table in exit.go, and newEngine, which builds the EVM, TRON and
// Bitcoin backends once per run.
package main
