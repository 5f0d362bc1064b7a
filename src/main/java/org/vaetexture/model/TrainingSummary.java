package org.vaetexture.model;

import java.util.Collections;
import java.util.List;

/** How a model was trained: settings that shaped it and what it saw, kept in the model file. */
public final class TrainingSummary {

	private final long seed;
	private final int batchSize;
	private final double learningRate;
	private final long tilesSeen;
	private final double seconds;
	private final boolean stoppedEarly;
	private final List<String> inputs;

	public TrainingSummary(final long seed, final int batchSize, final double learningRate,
		final long tilesSeen, final double seconds, final boolean stoppedEarly,
		final List<String> inputs)
	{
		this.seed = seed;
		this.batchSize = batchSize;
		this.learningRate = learningRate;
		this.tilesSeen = tilesSeen;
		this.seconds = seconds;
		this.stoppedEarly = stoppedEarly;
		this.inputs = Collections.unmodifiableList(inputs);
	}

	public long seed() {
		return seed;
	}

	public int batchSize() {
		return batchSize;
	}

	public double learningRate() {
		return learningRate;
	}

	public long tilesSeen() {
		return tilesSeen;
	}

	public double seconds() {
		return seconds;
	}

	public boolean stoppedEarly() {
		return stoppedEarly;
	}

	/** Names of the training images. */
	public List<String> inputs() {
		return inputs;
	}
}
