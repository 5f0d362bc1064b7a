package org.vaetexture.model;

import java.util.List;
import java.util.Map;

/**
 * The JSON document of a model file, field for field (Gson maps it). Version 1 of the format; a
 * change that older readers cannot follow raises {@link ModelFile#FORMAT_VERSION}.
 */
final class ModelMetadata {

	int formatVersion;
	String software;
	Architecture architecture;
	NormalizationJson normalization;
	Training training;
	List<Epoch> history;
	/** Absent in a model without novelty statistics. */
	Novelty novelty;
	/** Absent in a model written before latent statistics were kept. */
	Latent latent;
	/** Shape of each weight entry, by parameter name. */
	Map<String, long[]> parameters;

	static final class Architecture {

		String kind;
		int tileSize, channels, latentDim, filters1, filters2;
		double beta;
	}

	static final class NormalizationJson {

		float[] center, scale;
	}

	static final class Training {

		long seed, tilesSeen;
		int batchSize;
		double learningRate, seconds;
		boolean stoppedEarly;
		List<String> inputs;
	}

	static final class Novelty {

		/** neighbours: 0 in files of format 1 and 2, which have none. */
		int poolRadius, smoothRadius, dimension, neighbours;
		/**
		 * Dimensions of the projection the neighbour search uses (format 4); absent in older files,
		 * whose search is by the full distance.
		 */
		Integer searchDimensions;
		double threshold, falsePositiveRate;
		/** The grey-level shape term's skewness (format 5); absent in older files, which have none. */
		Shape shape;
		/** The detail orientation term (format 6); absent in older files, which have none. */
		Shape orientation;
	}

	/** One local grey-level statistic: the shape's skewness or the detail orientation. */
	static final class Shape {

		int radius;
		double weight;
		/** Per channel, and row-major C x C. */
		float[] mean, whitening;
	}

	static final class Latent {

		float[] mean, std;
	}

	static final class Epoch {

		int epoch;
		double trainRecon, trainKl, validationRecon, validationKl, seconds;
	}
}
