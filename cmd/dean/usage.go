package main

import (
	"fmt"
	"regexp"

	"github.com/spf13/cobra"
)

// usageTemplate is cobra's help in Vietnamese: staff read every word of it.
const usageTemplate = `Cách dùng:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [lệnh]{{end}}{{if gt (len .Aliases) 0}}

Tên khác:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Ví dụ:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Các lệnh:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Cờ:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Cờ chung:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Xem hướng dẫn từng lệnh: "{{.CommandPath}} [lệnh] --help".{{end}}
`

// localise gives the tree Vietnamese help, and Vietnamese words to cobra's own
// built-in commands and flags.
func localise(root *cobra.Command) {
	root.SetUsageTemplate(usageTemplate + exitHelp)
	root.InitDefaultHelpFlag()
	root.Flags().Lookup("help").Usage = "xem hướng dẫn"
	root.InitDefaultCompletionCmd()
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [lệnh]",
		Short: "Xem hướng dẫn của một lệnh",
		Run: func(c *cobra.Command, args []string) {
			cmd, _, err := c.Root().Find(args)
			if cmd == nil || err != nil {
				cmd = c.Root()
			}
			cmd.Help()
		},
	})
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			c.Short = "Tạo tệp tự hoàn thành lệnh cho shell (bash, zsh, fish, powershell)"
		}
	}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = "xem hướng dẫn"
		}
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
}

var cobraMessages = []struct {
	re  *regexp.Regexp
	out string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), `không có lệnh "$1" trong "$2"`},
	{regexp.MustCompile(`^unknown flag: (.*)`), `không có cờ $1`},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)`), `không có cờ -$1 (trong $2)`},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)`), `cần ít nhất $1 tệp hoặc đối số, mới có $2`},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)`), `nhận nhiều nhất $1 đối số, đã cho $2`},
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), `không có lệnh "$1"`},
	{regexp.MustCompile(`^flag needs an argument: (.*)`), `cờ $1 cần một giá trị`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*`), `giá trị "$1" không hợp lệ cho cờ $2`},
}

// translate turns cobra's English argument errors into Vietnamese; ok says whether
// the error was one of cobra's.
func translate(err error) (string, bool) {
	msg := err.Error()
	for _, m := range cobraMessages {
		if m.re.MatchString(msg) {
			return m.re.ReplaceAllString(msg, m.out), true
		}
	}
	if msg == `accepts 0 arg(s), received 1` || regexp.MustCompile(`^accepts \d+ arg`).MatchString(msg) {
		return fmt.Sprintf("lệnh này không nhận đối số (%s)", msg), true
	}
	return msg, false
}
