package main

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
)

// usageTemplate is cobra's help in Vietnamese: staff read every word of it.
const usageTemplate = `Cách dùng:{{if .Runnable}}
  {{vi .UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [lệnh]{{end}}{{if gt (len .Aliases) 0}}

Tên khác:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Ví dụ:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Các lệnh:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Cờ:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces | vi}}{{end}}{{if .HasAvailableInheritedFlags}}

Cờ chung:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces | vi}}{{end}}{{if .HasAvailableSubCommands}}

Xem hướng dẫn từng lệnh: "{{.CommandPath}} [lệnh] --help".{{end}}
`

// viWords replaces the few English words cobra and pflag put into help.
var viWords = strings.NewReplacer("[flags]", "[cờ]", "(default ", "(mặc định ")

func init() {
	cobra.AddTemplateFunc("vi", func(s string) string { return realign(viWords.Replace(s)) })
}

// realign lines up flag descriptions again: pflag pads by bytes, so a value name
// with Vietnamese letters (TỆP) pushes its description out of the column.
func realign(s string) string {
	lines := strings.Split(s, "\n")
	left := make([]string, len(lines))
	width := 0
	for i, l := range lines {
		name, _, ok := strings.Cut(strings.TrimLeft(l, " "), "   ")
		if !ok || !strings.HasPrefix(strings.TrimLeft(l, " "), "-") {
			continue
		}
		left[i] = l[:len(l)-len(strings.TrimLeft(l, " "))] + name
		width = max(width, utf8.RuneCountInString(left[i]))
	}
	for i, l := range lines {
		if left[i] == "" {
			continue
		}
		desc := strings.TrimLeft(l[len(left[i]):], " ")
		lines[i] = left[i] + strings.Repeat(" ", width-utf8.RuneCountInString(left[i])+3) + desc
	}
	return strings.Join(lines, "\n")
}

// completionHelp is the Vietnamese help of cobra's completion commands.
var completionHelp = map[string]string{
	"completion": "Tạo tệp tự hoàn thành lệnh cho shell (bash, zsh, fish, powershell)",
	"bash":       "Tạo tệp tự hoàn thành lệnh cho bash",
	"zsh":        "Tạo tệp tự hoàn thành lệnh cho zsh",
	"fish":       "Tạo tệp tự hoàn thành lệnh cho fish",
	"powershell": "Tạo tệp tự hoàn thành lệnh cho PowerShell",
}

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
		RunE: func(c *cobra.Command, args []string) error {
			cmd, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usageError{fmt.Errorf("không có lệnh %q", strings.Join(args, " "))}
			}
			return cmd.Help()
		},
	})
	var walk func(*cobra.Command, bool)
	walk = func(c *cobra.Command, completion bool) {
		completion = completion || c.Name() == "completion"
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = "xem hướng dẫn"
		}
		if f := c.Flags().Lookup("no-descriptions"); f != nil {
			f.Usage = "không kèm lời mô tả"
		}
		if short, ok := completionHelp[c.Name()]; ok && completion {
			c.Short, c.Long = short, short+"."
		}
		// A group of commands called with an unknown word is a usage error, not help.
		if c.HasSubCommands() && c.Run == nil && c.RunE == nil {
			c.Args = cobra.ArbitraryArgs
			c.RunE = func(c *cobra.Command, args []string) error {
				if len(args) == 0 {
					return c.Help()
				}
				return unknownCommand(c, args[0])
			}
		}
		// A wrong number of arguments is a usage error, by its type: the exit
		// status never rests on recognising cobra's English words.
		if args := c.Args; args != nil {
			c.Args = func(c *cobra.Command, a []string) error {
				if err := args(c, a); err != nil {
					return usageError{err}
				}
				return nil
			}
		}
		for _, s := range c.Commands() {
			walk(s, completion)
		}
	}
	walk(root, false)
}

// unknownCommand says that word is no command of c, suggesting the nearest.
func unknownCommand(c *cobra.Command, word string) error {
	msg := fmt.Sprintf("không có lệnh %q trong %q", word, c.CommandPath())
	if s := c.SuggestionsFor(word); len(s) > 0 {
		msg += fmt.Sprintf(" — có phải ý bạn là %q?", s[0])
	}
	return usageError{errors.New(msg)}
}

// cobraMessages put cobra's and pflag's English into Vietnamese, for display
// only: whether an error is a usage error is known by its type.
var cobraMessages = []struct {
	re  *regexp.Regexp
	out string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"\n\nDid you mean this\?\n\t(\S+)\n*$`), `không có lệnh "$1" trong "$2" — có phải ý bạn là "$3"?`},
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), `không có lệnh "$1" trong "$2"`},
	{regexp.MustCompile(`^unknown flag: (.*)`), `không có cờ $1`},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)`), `không có cờ -$1 (trong $2)`},
	{regexp.MustCompile(`^requires at least 1 arg\(s\), only received 0`), `thiếu tệp: cần ít nhất một tệp biểu mẫu`},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)`), `cần ít nhất $1 tệp, mới có $2`},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)`), `nhận nhiều nhất $1 đối số, đã cho $2`},
	{regexp.MustCompile(`^flag needs an argument: (.*)`), `cờ $1 cần một giá trị`},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*`), `giá trị "$1" không hợp lệ cho cờ $2`},
}

// translate puts cobra's English argument errors into Vietnamese.
func translate(err error) string {
	msg := err.Error()
	for _, m := range cobraMessages {
		if m.re.MatchString(msg) {
			return m.re.ReplaceAllString(msg, m.out)
		}
	}
	if regexp.MustCompile(`^accepts \d+ arg`).MatchString(msg) {
		return fmt.Sprintf("lệnh này không nhận đối số (%s)", msg)
	}
	return msg
}
