package org.vaetexture.command;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.vaetexture.VaeTextureException;

/**
 * What the VAE Texture commands share: progress through the StatusService, messages through the
 * LogService, and one way to end: bad input logs its one-line message and cancels the command with
 * it (no output); cancel stops the work at the next step or block.
 */
abstract class VaeCommand extends ContextCommand {

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	/** A progress callback that shows {@code label} and the fraction done in Fiji's status bar. */
	DoubleConsumer progress(final String label) {
		return f -> status.showStatus((int) Math.round(1000 * f), 1000, label);
	}

	/**
	 * The model file the user chose. Model files are not remembered between runs (a macro that
	 * leaves {@code model} out would otherwise read, or overwrite, the last run's file), so none is
	 * an error that says how to give one.
	 */
	static Path modelFile(final File model) {
		if (model == null) throw new VaeTextureException(
			"no model file given; choose one (in a macro: model=[/path/to/model.zip])");
		return model.toPath();
	}

	/** Runs the work; returns null after logging and cancelling if it failed or was cancelled. */
	<T> T guarded(final Supplier<T> work) {
		try {
			return work.get();
		}
		catch (final VaeTextureException e) {
			log.error(e.getMessage());
			cancel(e.getMessage());
		}
		catch (final CancellationException e) {
			if (!isCanceled()) cancel("cancelled");
		}
		finally {
			status.clearStatus();
		}
		return null;
	}
}
