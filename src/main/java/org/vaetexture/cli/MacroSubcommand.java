package org.vaetexture.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import ij.Macro;
import ij.macro.Interpreter;

import org.vaetexture.VaeTextureException;
import org.vaetexture.macro.CommandPlugIn;
import org.vaetexture.macro.MacroBridge;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code macro}: runs an ImageJ macro headless, in batch mode, with the plugin's commands. */
@Command(name = "macro", mixinStandardHelpOptions = true,
	description = "Runs an ImageJ 1.x macro headless in batch mode; run(\"Novelty Heatmap\", ...) and ImageJ's own commands work. print() goes to stdout.")
final class MacroSubcommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE.ijm", description = "Macro file.")
	private Path file;

	@Parameters(index = "1", arity = "0..1", paramLabel = "ARG",
		description = "Argument, read in the macro with getArgument().")
	private String argument = "";

	@Override
	public Integer call() throws IOException {
		if (!Files.exists(file)) throw new VaeTextureException("macro file '" + file +
			"' does not exist");
		if (!Files.isRegularFile(file)) throw new VaeTextureException("macro file '" + file +
			"' is a folder; give an .ijm file");
		final String text = Files.readString(file, StandardCharsets.UTF_8);
		MacroBridge.install();
		Interpreter.batchMode = true;
		final PrintStream libraries = System.out;
		System.setOut(new PrintStream(new MacroLog(spec.commandLine().getOut()), true,
			StandardCharsets.UTF_8));
		final Interpreter interpreter = new Interpreter();
		// headless: errors are reported by wasError(), not in a dialog
		interpreter.setIgnoreErrors(true);
		CommandPlugIn.takeLastError();
		try {
			interpreter.run(text, argument);
		}
		catch (final RuntimeException e) {
			// a failed command aborts the macro by throwing ImageJ's "Macro canceled"
			if (!Macro.MACRO_CANCELED.equals(e.getMessage())) throw e;
		}
		finally {
			System.setOut(libraries);
		}
		final String error = CommandPlugIn.takeLastError();
		if (error != null) throw new VaeTextureException(error);
		if (interpreter.wasError() || interpreter.getErrorMessage() != null)
			throw new VaeTextureException("macro '" + file + "' failed: " + interpreter.getErrorMessage()
				.replace('\n', ' '));
		return 0;
	}

	/**
	 * The macro's log (print()) as stdout, line by line, without the lines SameDiff prints when it
	 * builds a gradient.
	 */
	private static final class MacroLog extends OutputStream {

		private final PrintWriter out;
		private final StringBuilder line = new StringBuilder();

		MacroLog(final PrintWriter out) {
			this.out = out;
		}

		@Override
		public void write(final int b) {
			if (b != '\n') {
				line.append((char) b);
				return;
			}
			final String s = line.toString();
			line.setLength(0);
			if (!s.startsWith("Added differentiated op")) out.println(s);
			out.flush();
		}

		@Override
		public void write(final byte[] b, final int off, final int len) {
			final String s = new String(b, off, len, StandardCharsets.UTF_8);
			for (int i = 0; i < s.length(); i++)
				write(s.charAt(i));
		}
	}
}
