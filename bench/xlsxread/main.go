// Command xlsxread reads every cell of every sheet of the files given with
// package xlsx: its type, value and number format, and each sheet's merges.
// run.sh times it against the floors.
package main

import (
	"fmt"
	"os"

	"dean/bench"
)

func main() {
	cells, err := bench.XLSXRead(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "xlsxread:", err)
		os.Exit(1)
	}
	fmt.Println(cells, "cells")
}
