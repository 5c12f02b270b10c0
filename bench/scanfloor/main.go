// Command scanfloor is the floor of any xlsx reader: inflate every worksheet
// of the files given and pull each cell's reference and value out with a byte
// scan, nothing more. run.sh times the readers against it.
package main

import (
	"fmt"
	"os"

	"dean/bench"
)

func main() {
	cells, err := bench.ScanFloor(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "scanfloor:", err)
		os.Exit(1)
	}
	fmt.Println(cells, "cells")
}
