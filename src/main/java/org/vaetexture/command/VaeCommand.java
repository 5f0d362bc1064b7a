package org.vaetexture.command;

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
