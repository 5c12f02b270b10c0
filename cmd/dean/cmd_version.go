package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newVersionCmd() *cobra.Command {
	var opts criteriaOptions
	cmd := &cobra.Command{
		Use:     "version",
		Short:   "In phiên bản của dean và của bộ tiêu chí",
		Args:    cobra.NoArgs,
		Example: "  dean version\n  dean version --criteria tieu-chi-2026.yaml",
		RunE: func(cmd *cobra.Command, _ []string) error {
			set, err := opts.load()
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "dean %s\nbộ tiêu chí %s (%s)\n", version, set.Version, opts.name())
			return nil
		},
	}
	opts.register(cmd, false)
	return cmd
}
