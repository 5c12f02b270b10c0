// Command floor is the least any reader of dean's workbooks must do: open each file
// given, stream every row of every sheet, and close it. run.sh times `dean score`
// against it.
package main

import (
	"fmt"
	"os"

	"dean/bench"
)

func main() {
	cells, err := bench.Floor(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Println(cells, "cells")
}
