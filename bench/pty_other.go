//go:build !linux

package main

import (
	"errors"
	"os"
	"syscall"
)

func openPTY() (master, slave *os.File, err error) {
	return nil, nil, errors.New("the first-frame measurement needs Linux's /dev/ptmx")
}

func ttyAttr() *syscall.SysProcAttr { return nil }
