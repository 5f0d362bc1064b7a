package org.vaetexture.segment;

import org.vaetexture.VaeTextureException;
import org.vaetexture.dense.DenseCodes;
import org.vaetexture.dense.LatentMap;
import org.vaetexture.model.ModelFingerprint;
import org.vaetexture.model.VaeModel;

/**
 * The texture class of every pixel (1 to K) under classes fitted earlier, as a map: the
 * {@link SegmentationFeatures} of each pixel, classified by {@link TextureClasses#classify}.
 */
public final class TextureLabelMap implements LatentMap {

	private final SegmentationFeatures features;
	private final TextureClasses classes;

	/** @throws VaeTextureException if the classes were fitted with another model or other settings */
	public TextureLabelMap(final VaeModel model, final TextureClasses classes) {
		if (!classes.model().equals(ModelFingerprint.of(model))) throw new VaeTextureException(
			"the class centres were made with another model; use the model they were fitted with");
		this.features = new SegmentationFeatures(model.config(), classes.roughnessRadius(), classes
			.radius());
		if (classes.dimension() != features.channels()) throw new VaeTextureException(
			"the class centres were made with other segmentation settings");
		this.classes = classes;
	}

	@Override
	public int channels() {
		return 1;
	}

	@Override
	public int halo() {
		return features.halo();
	}

	@Override
	public String name() {
		return "texture classes";
	}

	@Override
	public boolean usesHidden() {
		return true;
	}

	@Override
	public void compute(final DenseCodes codes, final int w, final int h, final float[][] out) {
		final int d = features.channels();
		final float[][] f = new float[d][w * h];
		features.compute(codes, w, h, f);
		final double[] x = new double[d];
		for (int i = 0; i < w * h; i++) {
			for (int a = 0; a < d; a++)
				x[a] = f[a][i];
			out[0][i] = classes.classify(x) + 1;
		}
	}
}
