// Command dean scores every ward's police against the Ministry's 22 criteria for a
// model ward police and writes the periodic reports. See the README.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }
