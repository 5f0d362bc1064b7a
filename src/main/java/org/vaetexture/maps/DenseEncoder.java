package org.vaetexture.maps;

import java.util.Map;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessible;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.vaetexture.model.Normalization;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.model.VaeNetwork;

/**
 * The encoder evaluated at every pixel at once: for pixel (x, y), mu and log-variance of the window
 * [x - T/2, x + T/2) x [y - T/2, y + T/2) of the mirror-extended image, exactly what the encoder
 * gives for that window (to float rounding).
 * <p>
 * How: with VALID padding the strided encoder is a stride-1 network with dilations 1, 2 and 4
 * ("a trous"). Instead of dilated convolutions it splits each feature map into its 2 x 2 phases
 * (space to batch) before the second convolution and again before the dense head, so every
 * convolution is a plain undilated one: conv1 3x3 on the image, conv2 3x3 on 4 phase images, the
 * head (s2 x s2, both mu and log-variance) on 16 phase images; then the 16 outputs are interleaved
 * back. Any rectangle can be computed alone: each output pixel depends on its own window only, so
 * block-wise results equal the whole-image result.
 */
public final class DenseEncoder {

	private final VaeConfig config;
	private final Normalization normalization;
	private final INDArray w1, b1, w2, b2, wHead, bHead;

	public DenseEncoder(final VaeModel model) {
		this.config = model.config();
		this.normalization = model.normalization();
		final Map<String, float[]> w = model.network().weights();
		final Map<String, long[]> shapes = VaeNetwork.parameterShapes(config);
		w1 = array(w, shapes, "enc1_w");
		b1 = array(w, shapes, "enc1_b");
		w2 = array(w, shapes, "enc2_w");
		b2 = array(w, shapes, "enc2_b");
		final int s2 = config.size2(), f2 = config.filters2(), l = config.latentDim();
		// dense weights [f2 * s2 * s2, L] in NCHW flattening order -> kernels [s2, s2, f2, 2L]
		final INDArray mu = array(w, shapes, "mu_w").reshape('c', f2, s2, s2, l);
		final INDArray lv = array(w, shapes, "logvar_w").reshape('c', f2, s2, s2, l);
		wHead = Nd4j.concat(3, mu, lv).permute(1, 2, 0, 3).dup('c');
		bHead = Nd4j.concat(0, array(w, shapes, "mu_b"), array(w, shapes, "logvar_b"));
	}

	private static INDArray array(final Map<String, float[]> w, final Map<String, long[]> shapes,
		final String name)
	{
		return Nd4j.create(w.get(name), shapes.get(name), 'c');
	}

	public VaeConfig config() {
		return config;
	}

	/**
	 * Input side needed for {@code n} outputs along one axis: 4 ceil(n / 4) + 4 s2 + 2 (the
	 * receptive field plus alignment to the 4 x 4 phase grid).
	 */
	int inputSize(final int n) {
		return 4 * ((n + 3) / 4 + config.size2()) + 2;
	}

	/**
	 * Mu and log-variance of the windows of a rectangle of pixels, as [2L, h, w]: mu in channels 0 to
	 * L-1, log-variance in L to 2L-1.
	 *
	 * @param plane one plane of the image, axes X, Y, C, extended (mirrored) to be readable anywhere
	 */
	public INDArray encode(final RandomAccessible<? extends RealType<?>> plane, final long x0,
		final long y0, final int w, final int h)
	{
		try (INDArray h1 = firstLayer(plane, x0, y0, w, h); INDArray h2 = secondLayerPhases(h1)) {
			return head(h2, w, h);
		}
	}

	/**
	 * Mu, log-variance and, if asked, the two hidden layers of the windows of a rectangle of pixels.
	 * Hidden layers are taken at the window's centre: the first layer's 3 x 3 patch and the second
	 * layer's 7 x 7 one are centred on the window's central pixel (within a pixel for T < 12).
	 */
	public DenseCodes codes(final RandomAccessible<? extends RealType<?>> plane, final long x0,
		final long y0, final int w, final int h, final boolean withHidden)
	{
		try (INDArray h1 = firstLayer(plane, x0, y0, w, h); INDArray h2 = secondLayerPhases(h1);
				INDArray post = head(h2, w, h))
		{
			final float[][] posteriors = rows(post);
			float[][] hidden = null;
			if (withHidden) {
				final int half = config.tileSize() / 2;
				final int o2 = Math.min(half - 3, 4 * config.size2() - 4);
				try (INDArray full2 = unphase(h2)) {
					final float[][] a = rows(crop(h1.slice(0), half - 1, w, h));
					final float[][] b = rows(crop(full2, o2, w, h));
					hidden = new float[a.length + b.length][];
					System.arraycopy(a, 0, hidden, 0, a.length);
					System.arraycopy(b, 0, hidden, a.length, b.length);
				}
			}
			return new DenseCodes(w, h, config.latentDim(), posteriors, hidden);
		}
	}

	/** The first layer (ReLU) over the input patch of the rectangle: [1, F1, inH - 2, inW - 2]. */
	private INDArray firstLayer(final RandomAccessible<? extends RealType<?>> plane, final long x0,
		final long y0, final int w, final int h)
	{
		final int c = config.channels(), half = config.tileSize() / 2;
		final int inW = inputSize(w), inH = inputSize(h);
		final float[] pixels = new float[c * inH * inW];
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(Views.interval(plane,
			new FinalInterval(new long[] { x0 - half, y0 - half, 0 }, new long[] { x0 - half + inW - 1,
				y0 - half + inH - 1, c - 1 }))).cursor();
		for (int i = 0; i < pixels.length; i++)
			pixels[i] = normalization.apply(cursor.next().getRealFloat(), i / (inW * inH));
		try (INDArray image = Nd4j.create(pixels, new long[] { 1, c, inH, inW }, 'c')) {
			return relu(Nd4j.cnn().conv2d(image, w1, b1, conv(3)));
		}
	}

	/** The second layer (ReLU) on the 4 phases of the first: [4, F2, m, n]. */
	private INDArray secondLayerPhases(final INDArray h1) {
		try (INDArray p = phases(h1)) {
			return relu(Nd4j.cnn().conv2d(p, w2, b2, conv(3)));
		}
	}

	/** The dense head on the 16 phases of the second layer, interleaved back and cropped: [2L, h, w]. */
	private INDArray head(final INDArray h2, final int w, final int h) {
		try (INDArray p = phases(h2); INDArray out = Nd4j.cnn().conv2d(p, wHead, bHead, conv(config
			.size2())); INDArray all = interleave(out))
		{
			return crop(all, 0, w, h);
		}
	}

	private static INDArray crop(final INDArray chw, final int offset, final int w, final int h) {
		return chw.get(NDArrayIndex.all(), NDArrayIndex.interval(offset, offset + h), NDArrayIndex
			.interval(offset, offset + w)).dup('c');
	}

	private static float[][] rows(final INDArray chw) {
		final int k = (int) chw.size(0);
		final float[] all = chw.dup('c').data().asFloat();
		final int n = all.length / k;
		final float[][] rows = new float[k][];
		for (int i = 0; i < k; i++)
			rows[i] = java.util.Arrays.copyOfRange(all, i * n, (i + 1) * n);
		return rows;
	}

	private static INDArray relu(final INDArray x) {
		return Transforms.relu(x, false);
	}

	/** [B, C, 2m, 2n] -> [4B, C, m, n]; batch index (ry * 2 + rx) * B + b holds rows 2i + ry, columns 2j + rx. */
	private static INDArray phases(final INDArray x) {
		final long b = x.size(0), c = x.size(1), m = x.size(2) / 2, n = x.size(3) / 2;
		return x.reshape('c', b, c, m, 2, n, 2).permute(3, 5, 0, 1, 2, 4).dup('c').reshape('c', 4 * b,
			c, m, n);
	}

	/** Inverse of one phase split: [4, C, m, n] -> [C, 2m, 2n]. */
	private static INDArray unphase(final INDArray x) {
		final long c = x.size(1), m = x.size(2), n = x.size(3);
		return x.reshape('c', 2, 2, c, m, n).permute(2, 3, 0, 4, 1).dup('c').reshape('c', c, 2 * m, 2
			* n);
	}

	/**
	 * Inverse of the two phase splits on the head's output [16, K, p, q] (batch (r2y, r2x, r1y, r1x)):
	 * output pixel (4 i + 2 r2y + r1y, 4 j + 2 r2x + r1x) -> [K, 4p, 4q].
	 */
	private static INDArray interleave(final INDArray o) {
		final long k = o.size(1), p = o.size(2), q = o.size(3);
		return o.reshape('c', 2, 2, 2, 2, k, p, q).permute(4, 5, 0, 2, 6, 1, 3).dup('c').reshape('c', k,
			4 * p, 4 * q);
	}

	private static Conv2DConfig conv(final int k) {
		return Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1).paddingMode(
			PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
	}
}
