package org.vaetexture.api;

import org.vaetexture.train.TrainingListener;
import org.vaetexture.train.TrainingProgress;

/**
 * What a long operation of {@link VaeTexture} tells its caller and asks of it: the fraction done of
 * each stage, and whether to stop. Each front end has its own: a progress bar on the command line,
 * Fiji's status bar, a Spark task's log. Called on the working thread, or, for the maps, on any of
 * their worker threads (one at a time).
 */
@FunctionalInterface
public interface Monitor extends TrainingListener {

	/**
	 * @param stage what is being done, e.g. {@value VaeTexture#TRAINING} or "novelty map"
	 * @param fraction of the stage done, from 0 to 1; the first call comes once the input's checks
	 *          have passed
	 */
	void progress(String stage, double fraction);

	/**
	 * Checked before every training step and every block of a map; true stops the operation with a
	 * {@link java.util.concurrent.CancellationException} and nothing is returned or written.
	 */
	default boolean isCancelled() {
		return false;
	}

	/** Every training step, with its losses; shown as the progress of {@value VaeTexture#TRAINING}. */
	@Override
	default void step(final TrainingProgress progress) {
		progress(VaeTexture.TRAINING, progress.fraction());
	}

	/** A monitor that shows nothing and never cancels. */
	Monitor NONE = (stage, fraction) -> {};
}
