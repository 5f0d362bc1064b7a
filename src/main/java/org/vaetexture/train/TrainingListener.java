package org.vaetexture.train;

import org.vaetexture.model.EpochRecord;

/** Receives the progress of a {@link Trainer}, on the training thread. */
public interface TrainingListener {

	/** After every training step. */
	void step(TrainingProgress progress);

	/** After every epoch, with its training and validation losses. */
	default void epochDone(final EpochRecord epoch) {}

	/** A listener that ignores everything. */
	TrainingListener NONE = progress -> {};
}
