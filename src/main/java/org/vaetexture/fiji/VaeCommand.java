package org.vaetexture.fiji;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import ij.IJ;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.vaetexture.VaeTextureException;
import org.vaetexture.api.Monitor;
import org.vaetexture.model.NativeMemory;

/**
 * What the VAE Texture commands share: each is one call to {@link org.vaetexture.api.VaeTexture};
 * progress through the StatusService, messages through the LogService, and one way to end: bad
 * input logs its one-line message and cancels the command with it (no output); cancel (or Esc in
 * ImageJ's window) stops the work at the next step or block. When it ends, the native memory its
 * arrays held is released.
 */
abstract class VaeCommand extends ContextCommand {

	/** Why a command stopped when the user pressed Esc. */
	static final String CANCELLED_BY_ESC = "cancelled (Esc pressed)";

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	/**
	 * The monitor of this command's work: each stage and its fraction done in Fiji's status bar;
	 * cancelled when the command is.
	 */
	Monitor monitor() {
		return new Monitor() {

			@Override
			public void progress(final String stage, final double fraction) {
				status.showStatus((int) Math.round(1000 * fraction), 1000, Character.toUpperCase(stage
					.charAt(0)) + stage.substring(1));
			}

			@Override
			public boolean isCancelled() {
				// Esc in ImageJ's window, as ImageJ's own commands stop
				if (IJ.escapePressed() && !isCanceled()) cancel(CANCELLED_BY_ESC);
				return isCanceled();
			}
		};
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

	/** Logs a failure that is not the user's input in one line (its stack trace at debug level). */
	private void fail(final String message, final Throwable cause) {
		log.error(message);
		log.debug(cause);
		cancel(message);
	}

	/** Runs the work; returns null after logging and cancelling if it failed or was cancelled. */
	<T> T guarded(final Supplier<T> work) {
		IJ.resetEscape(); // an Esc pressed before this command is not for it
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
		catch (final OutOfMemoryError e) {
			fail("out of memory (" + e.getMessage() + "); give Fiji more (Edit > Options > Memory & " +
				"Threads) or map a smaller image or region", e);
		}
		catch (final RuntimeException e) {
			fail("internal failure, please report it: " + e, e);
		}
		finally {
			status.clearStatus();
			NativeMemory.release();
		}
		return null;
	}
}
