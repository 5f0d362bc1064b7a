package org.vaetexture.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CancellationException;

import org.vaetexture.VaeTextureException;
import org.vaetexture.macro.HeadlessPatch;
import org.vaetexture.model.ModelFile;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar vae-texture.jar SUBCOMMAND ...}. Results go to stdout, progress
 * and messages to stderr. Exit 0 on success; bad input or usage prints one {@code error: ...} line
 * and exits 2; an internal failure exits 1.
 */
@Command(name = "vae-texture", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
	description = "Learns image texture with a convolutional VAE and maps it.",
	subcommands = { TrainSubcommand.class, InfoSubcommand.class, FeaturesSubcommand.class, KlSubcommand.class,
		NoveltySubcommand.class, ReconstructSubcommand.class, GenerateSubcommand.class, TraverseSubcommand.class, SegmentSubcommand.class,
		OverviewSubcommand.class, ReconstructTilesSubcommand.class, ConvertSubcommand.class,
		MacroSubcommand.class, BenchSubcommand.class, CommandLine.HelpCommand.class })
public final class Main {

	/** Exit status for bad input or usage. */
	public static final int USAGE = 2;

	public static void main(final String... args) {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		// ND4J warns about its own op registry on every start
		System.setProperty("org.slf4j.simpleLogger.log.org.nd4j.imports", "error");
		if (args.length > 0 && "macro".equals(args[0])) HeadlessPatch.apply(); // before ImageJ loads
		System.exit(run(System.out, System.err, args));
	}

	/**
	 * Runs one command line. While it runs, what the libraries print to {@code System.out} (SameDiff
	 * lists every op it differentiates there) is dropped, so that {@code out} carries only results;
	 * their warnings go through logging to stderr.
	 */
	public static int run(final PrintStream out, final PrintStream err, final String... args) {
		final PrintStream systemOut = System.out;
		System.setOut(new PrintStream(OutputStream.nullOutputStream()));
		try {
			final CommandLine cli = new CommandLine(new Main());
			cli.setOut(new java.io.PrintWriter(out, true));
			cli.setErr(new java.io.PrintWriter(err, true));
			cli.setParameterExceptionHandler((e, a) -> {
				err.println("error: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec()
					.qualifiedName() + " --help')");
				return USAGE;
			});
			cli.setExecutionExceptionHandler((e, c, p) -> handle(e, err));
			return cli.execute(args);
		}
		catch (final OutOfMemoryError e) { // picocli hands on errors, not only exceptions
			err.println("error: out of memory (" + e.getMessage() +
				"); give Java more (-Xmx) or map a smaller image (see README, Troubleshooting)");
			return 1;
		}
		finally {
			System.setOut(systemOut);
		}
	}

	private static int handle(final Exception e, final PrintStream err) {
		if (e instanceof VaeTextureException) {
			err.println("error: " + e.getMessage());
			return USAGE;
		}
		if (e instanceof CancellationException) {
			err.println("error: cancelled; nothing was written");
			return USAGE;
		}
		err.println("error: internal failure, please report it: " + e);
		if (System.getenv("VAE_TEXTURE_DEBUG") != null) e.printStackTrace(err);
		return 1;
	}

	/** The version in the jar's manifest. */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "VAE Texture " + ModelFile.version() };
		}
	}
}
