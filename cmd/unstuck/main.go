// Command unstuck is a self-help troubleshooter for self-custody wallet
// users: stuck, failed or missing transfers, and DApps that won't connect.
package main

import "os"

func main() { os.Exit(Main()) }
