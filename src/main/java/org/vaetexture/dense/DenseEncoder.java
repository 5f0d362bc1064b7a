package org.vaetexture.dense;

import java.nio.FloatBuffer;
import java.util.Map;

import net.imglib2.Cursor;
import net.imglib2.FinalInterval;
import net.imglib2.Interval;
import net.imglib2.RandomAccessible;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
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
 * ("a trous"). Dilated convolutions fail under oneDNN in ND4J 1.0.0-M2.1, so the maps are computed
 * in 2 x 2 phases instead (space to batch): the first layer as four stride-2 convolutions of the
 * input shifted by (0|1, 0|1), the second as four stride-2 convolutions of those shifted again, the
 * dense head (s2 x s2, mu and log-variance together) as a plain convolution on the 16 resulting
 * phase images, by {@link WinogradHead} where that gains (s2 from 3 to 10; 7 for 32-pixel tiles);
 * their outputs are interleaved back pixel by pixel. Every convolution is undilated and no feature
 * map is permuted; native memory comes from {@link NativeArrays#workspace workspaces}. Feature
 * maps are channels-last (NHWC), where oneDNN's convolutions ran about twice as fast as
 * channels-first here. Any rectangle can be computed alone:
 * each output pixel depends on its own window only, so block-wise results equal the whole-image
 * result.
 */
public final class DenseEncoder {

	private final VaeConfig config;
	private final Normalization normalization;
	private final INDArray w1, b1, w2, b2, wHead, bHead;
	/** The head by Winograd filtering, or null where the kernel is too wide for it to gain. */
	private final WinogradHead winograd;

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
		winograd = WinogradHead.gains(s2) ? new WinogradHead(wHead, bHead) : null;
	}

	private static INDArray array(final Map<String, float[]> w, final Map<String, long[]> shapes,
		final String name)
	{
		return Nd4j.create(w.get(name), shapes.get(name), 'c');
	}

	/**
	 * The multiply-adds this encoder's head performs, as a fraction of the direct convolution's (1
	 * without the Winograd head; its transforms, a few percent more, left out).
	 */
	public static double headWorkFraction(final VaeConfig c) {
		return WinogradHead.gains(c.size2()) ? WinogradHead.workFraction(c.size2()) : 1;
	}

	public VaeConfig config() {
		return config;
	}

	/**
	 * Input side for {@code phases} head outputs per phase along one axis: the receptive field plus
	 * alignment to the 4 x 4 phase grid.
	 */
	private int inputSize(final int phases) {
		return 4 * (phases + config.size2()) + 2;
	}

	/** Output columns per phase for a width of w pixels. */
	private int columnPhases(final int w) {
		// the Winograd head takes whole row segments; the extra outputs are computed and dropped
		return winograd == null ? (w + 3) / 4 : roundUp((w + 3) / 4, winograd.m());
	}

	/**
	 * The pixels of the plane (X and Y) that {@link #codes} reads for that rectangle: its windows, and
	 * beyond them the columns that the Winograd head's row segments take in (which change the kept
	 * outputs in their last bits), so a region read from elsewhere must hold all of them.
	 */
	public Interval inputInterval(final long x0, final long y0, final int w, final int h) {
		final int half = config.tileSize() / 2;
		return Intervals.createMinSize(x0 - half, y0 - half, inputSize(columnPhases(w)), inputSize((h +
			3) / 4));
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
		final DenseCodes codes = codes(plane, x0, y0, w, h, false);
		final int k = 2 * config.latentDim();
		final float[] all = new float[k * w * h];
		for (int j = 0; j < config.latentDim(); j++) {
			System.arraycopy(codes.mu(j), 0, all, j * w * h, w * h);
			System.arraycopy(codes.logvar(j), 0, all, (config.latentDim() + j) * w * h, w * h);
		}
		return NativeArrays.of(all, k, h, w);
	}

	/**
	 * Mu, log-variance and, if asked, the two hidden layers of the windows of a rectangle of pixels.
	 * Hidden layers are taken at the window's centre: the first layer's 3 x 3 patch and the second
	 * layer's 7 x 7 one are centred on the window's central pixel (within a pixel for T < 12).
	 * <p>
	 * Phases: P1[r1] (r1 = (r1y, r1x)) is the first layer at input positions 2a + r1, computed as a
	 * stride-2 convolution of the input shifted by r1; C2[r2][r1] the second layer at 4b + 2 r2 + r1,
	 * a stride-2 convolution of P1[r1] shifted by r2; the head's output O[r2][r1] at i is then the
	 * encoder of the window at 4i + 2 r2 + r1.
	 */
	public DenseCodes codes(final RandomAccessible<? extends RealType<?>> plane, final long x0,
		final long y0, final int w, final int h, final boolean withHidden)
	{
		final int nbH = (h + 3) / 4, s2 = config.size2(), nbW = columnPhases(w);
		final int m = 2 * (nbH + s2), n = 2 * (nbW + s2);
		final int latent = config.latentDim(), k = 2 * latent;
		final float[][] posteriors = new float[k][w * h];
		final float[][] hidden = withHidden ? new float[config.filters1() + config.filters2()][w * h]
			: null;
		final int inW = inputSize(nbW), inH = inputSize(nbH);
		final float[] pixels = normalizedInput(plane, x0, y0, inW, inH);
		try (MemoryWorkspace first = NativeArrays.workspace("dense-encoder-first-layer")) {
			final INDArray p1 = firstLayerPhases(NativeArrays.of(pixels, 1, inH, inW, config.channels()),
				m, n);
			if (withHidden) gatherFirstLayer(p1, m, n, w, h, hidden);
			for (int r2 = 0; r2 < 4; r2++)
				try (MemoryWorkspace rest = NativeArrays.workspace("dense-encoder-rest")) {
					final int r2y = r2 / 2, r2x = r2 % 2;
					final INDArray shifted = p1.get(NDArrayIndex.all(), NDArrayIndex.interval(r2y, r2y + 2 *
						(nbH + s2 - 1) + 1), NDArrayIndex.interval(r2x, r2x + 2 * (nbW + s2 - 1) + 1),
						NDArrayIndex.all()).dup('c');
					final INDArray c2 = relu(Nd4j.cnn().conv2d(shifted, w2, b2, conv(3, 2)));
					final INDArray out = winograd != null ? winograd.apply(c2) : Nd4j.cnn().conv2d(c2, wHead,
						bHead, conv(s2, 1));
					// out [4 (r1), nbH, nbW, K]: window at (4i + 2 r2y + r1y, 4j + 2 r2x + r1x)
					scatter(NativeArrays.values(out), nbH, nbW, k, r2y, r2x, 0, w, h, posteriors);
					if (withHidden) {
						final int o2 = Math.min(config.tileSize() / 2 - 3, 4 * s2 - 4);
						scatter(NativeArrays.values(c2), (int) c2.size(1), (int) c2.size(2), config.filters2(),
							r2y, r2x, o2, w, h, java.util.Arrays.copyOfRange(hidden, config.filters1(),
								hidden.length));
					}
				}
		}
		return new DenseCodes(w, h, latent, posteriors, hidden, c -> inputAround(pixels, inW, w, h, c),
			config.channels(), config.inputReach());
	}

	/** The normalized input patch from (x0 - T/2, y0 - T/2), inH x inW x C, channels last. */
	private float[] normalizedInput(final RandomAccessible<? extends RealType<?>> plane, final long x0,
		final long y0, final int inW, final int inH)
	{
		final int c = config.channels(), half = config.tileSize() / 2;
		final float[] pixels = new float[c * inH * inW];
		final Cursor<? extends RealType<?>> cursor = Views.flatIterable(Views.interval(plane,
			new FinalInterval(new long[] { x0 - half, y0 - half, 0 }, new long[] { x0 - half + inW - 1,
				y0 - half + inH - 1, c - 1 }))).cursor();
		final int planeSize = inW * inH;
		for (int i = 0; i < pixels.length; i++) {
			final int ch = i / planeSize, yx = i % planeSize;
			pixels[yx * c + ch] = normalization.apply(cursor.next().getRealFloat(), ch);
		}
		return pixels;
	}

	/**
	 * Channel ch of the input of the w x h rectangle and {@link VaeConfig#inputReach} pixels around
	 * it, cut from the patch {@link #normalizedInput} read (which holds it: the patch reaches the last
	 * window's receptive field).
	 */
	private float[] inputAround(final float[] pixels, final int inW, final int w, final int h,
		final int ch)
	{
		final int c = config.channels(), e = config.inputReach(), from = config.tileSize() / 2 - e;
		final int ow = w + 2 * e, oh = h + 2 * e;
		final float[] plane = new float[ow * oh];
		for (int y = 0; y < oh; y++)
			for (int x = 0; x < ow; x++)
				plane[y * ow + x] = pixels[((y + from) * inW + x + from) * c + ch];
		return plane;
	}

	/** P1: the first layer (ReLU) at the 4 phases, [4, m, n, F1], batch r1y * 2 + r1x. */
	private INDArray firstLayerPhases(final INDArray image, final int m, final int n) {
		final INDArray[] phases = new INDArray[4];
		for (int r1 = 0; r1 < 4; r1++) {
			final int ry = r1 / 2, rx = r1 % 2;
			final INDArray shifted = image.get(NDArrayIndex.all(), NDArrayIndex.interval(ry, ry + 2 * m +
				1), NDArrayIndex.interval(rx, rx + 2 * n + 1), NDArrayIndex.all()).dup('c');
			phases[r1] = relu(Nd4j.cnn().conv2d(shifted, w1, b1, conv(3, 2)));
		}
		return Nd4j.concat(0, phases);
	}

	/** The first hidden layer at each pixel's window centre, from its phases. */
	private void gatherFirstLayer(final INDArray p1, final int m, final int n, final int w,
		final int h, final float[][] hidden)
	{
		final int f1 = config.filters1(), o1 = config.tileSize() / 2 - 1;
		final float[] v = new float[(int) p1.length()];
		NativeArrays.values(p1).get(v);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				final int qy = y + o1, qx = x + o1;
				final int base = (((qy % 2) * 2 + qx % 2) * m * n + (qy / 2) * n + qx / 2) * f1;
				for (int c = 0; c < f1; c++)
					hidden[c][y * w + x] = v[base + c];
			}
	}

	/**
	 * Writes phase images [4 (r1), p, q, K] of phase r2 into channel rows: pixel (y, x) of the
	 * rectangle takes the value at position (y + offset, x + offset) = (4i + 2 r2y + r1y, 4j + 2 r2x +
	 * r1x).
	 */
	private static void scatter(final FloatBuffer v, final int p, final int q, final int k, final int r2y,
		final int r2x, final int offset, final int w, final int h, final float[][] rows)
	{
		final FloatBuffer values = v.duplicate();
		final float[] line = new float[q * k];
		for (int r1 = 0; r1 < 4; r1++) {
			final int r1y = r1 / 2, r1x = r1 % 2, x0 = 2 * r2x + r1x - offset;
			// columns j from jFrom to jTo - 1 land inside the rectangle, at x = 4j + x0
			final int jFrom = Math.max(0, (3 - x0) / 4), jTo = Math.min(q, (w - x0 + 3) / 4);
			for (int i = 0; i < p; i++) {
				final int y = 4 * i + 2 * r2y + r1y - offset;
				if (y < 0 || y >= h || jFrom >= jTo) continue;
				values.position((r1 * p + i) * q * k);
				values.get(line);
				for (int c = 0; c < k; c++) {
					final float[] row = rows[c];
					for (int j = jFrom, at = y * w + 4 * jFrom + x0; j < jTo; j++, at += 4)
						row[at] = line[j * k + c];
				}
			}
		}
	}

	private static int roundUp(final int n, final int multiple) {
		return (n + multiple - 1) / multiple * multiple;
	}

	private static INDArray relu(final INDArray x) {
		return Transforms.relu(x, false);
	}

	private static Conv2DConfig conv(final int k, final int stride) {
		return Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(0).pW(0).dH(1).dW(1).paddingMode(
			PaddingMode.VALID).dataFormat("NHWC").weightsFormat(WeightsFormat.YXIO).build();
	}
}
