package org.membranepnp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pnp completion}: prints the bash/zsh completion script of the whole {@code pnp} command tree. */
@Command(name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {
            "Prints a bash/zsh completion script for pnp (subcommands, options, file names).",
            "",
            "Load it into the current shell with: source <(pnp completion). To keep it, add that line to "
                    + "~/.bashrc or ~/.zshrc. The script completes the command named pnp, so put the pnp "
                    + "launcher on your PATH."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(pnp completion)",
            "  pnp completion > ~/.local/share/bash-completion/completions/pnp"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        out.print(script.endsWith("\n") ? script : script + "\n");
        out.flush();
        return 0;
    }
}
