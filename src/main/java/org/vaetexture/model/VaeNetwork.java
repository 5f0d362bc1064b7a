package org.vaetexture.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The VAE of a {@link VaeConfig} as a SameDiff graph: one training step, the encoder (mean and
 * log-variance of each tile) and the decoder. Tiles are NCHW float arrays of normalized pixels.
 * <p>
 * The noise of the reparameterization z = mu + sigma * eps is an input ({@code eps}), drawn by the
 * caller afresh for every step from its seeded generator: training is reproducible and eps is never
 * a constant. Dense layers use {@code mmul + add}, not {@code linear}, which oneDNN gets wrong in
 * ND4J 1.0.0-M2.1. Not thread-safe by itself; every public method is synchronized.
 */
public final class VaeNetwork {

	private static final String RECON_LOSS = "recon_loss", KL = "kl", KL_LOSS = "kl_loss",
		X = "x", EPS = "eps", Z_IN = "z_in", MU = "mu", LOGVAR = "logvar",
		RECON = "recon", DECODED = "decoded", RECON_PER_TILE = "recon_per_tile",
		KL_PER_TILE = "kl_per_tile";

	private final VaeConfig config;
	private final SameDiff sd;
	private final LossRecorder lossRecorder = new LossRecorder();
	private double learningRate = Double.NaN;

	private VaeNetwork(final VaeConfig config, final Map<String, float[]> weights) {
		Backend.start(); // ND4J starts there (class loader, memory limit), never on first use elsewhere
		this.config = config;
		this.sd = SameDiff.create();
		final Map<String, long[]> shapes = parameterShapes(config);
		for (final Map.Entry<String, long[]> e : shapes.entrySet()) {
			final float[] values = weights.get(e.getKey());
			sd.var(e.getKey(), Nd4j.create(values, e.getValue(), 'c'));
		}
		buildGraph();
	}

	/** A network with freshly initialised weights (PyTorch's default scheme), reproducible per seed. */
	public static VaeNetwork create(final VaeConfig config, final long seed) {
		final SplittableRandom random = new SplittableRandom(seed);
		final Map<String, float[]> weights = new LinkedHashMap<>();
		for (final Map.Entry<String, long[]> e : parameterShapes(config).entrySet()) {
			final long[] shape = e.getValue();
			final float[] v = new float[(int) count(shape)];
			final double bound = 1 / Math.sqrt(fanIn(e.getKey(), config));
			for (int i = 0; i < v.length; i++)
				v[i] = (float) ((2 * random.nextDouble() - 1) * bound);
			weights.put(e.getKey(), v);
		}
		return new VaeNetwork(config, weights);
	}

	/** A network with the given weights, whose sizes the caller has checked against {@link #parameterShapes}. */
	public static VaeNetwork withWeights(final VaeConfig config, final Map<String, float[]> weights) {
		return new VaeNetwork(config, weights);
	}

	/**
	 * Names and shapes of the trainable parameters, in a fixed order. Convolution kernels are [kH, kW,
	 * in, out]; transposed-convolution kernels [kH, kW, out, in]; dense weights [in, out].
	 */
	public static Map<String, long[]> parameterShapes(final VaeConfig c) {
		final Map<String, long[]> s = new LinkedHashMap<>();
		final int s0 = c.decoderStart();
		s.put("enc1_w", new long[] { 3, 3, c.channels(), c.filters1() });
		s.put("enc1_b", new long[] { c.filters1() });
		s.put("enc2_w", new long[] { 3, 3, c.filters1(), c.filters2() });
		s.put("enc2_b", new long[] { c.filters2() });
		s.put("mu_w", new long[] { c.flatSize(), c.latentDim() });
		s.put("mu_b", new long[] { c.latentDim() });
		s.put("logvar_w", new long[] { c.flatSize(), c.latentDim() });
		s.put("logvar_b", new long[] { c.latentDim() });
		s.put("dec0_w", new long[] { c.latentDim(), (long) c.filters2() * s0 * s0 });
		s.put("dec0_b", new long[] { (long) c.filters2() * s0 * s0 });
		s.put("dec1_w", new long[] { 4, 4, c.filters1(), c.filters2() });
		s.put("dec1_b", new long[] { c.filters1() });
		s.put("dec2_w", new long[] { 4, 4, c.channels(), c.filters1() });
		s.put("dec2_b", new long[] { c.channels() });
		return Collections.unmodifiableMap(s);
	}

	static long count(final long[] shape) {
		long n = 1;
		for (final long d : shape)
			n *= d;
		return n;
	}

	/** Inputs feeding one output of the layer a parameter belongs to (for weights and biases alike). */
	private static long fanIn(final String name, final VaeConfig c) {
		final String layer = name.substring(0, name.indexOf('_'));
		switch (layer) {
			case "enc1": return 9L * c.channels();
			case "enc2": return 9L * c.filters1();
			case "dec0": return c.latentDim();
			case "dec1": return 16L * c.filters1();
			case "dec2": return 16L * c.channels();
			default: return c.flatSize();
		}
	}

	private void buildGraph() {
		final int t = config.tileSize();
		final SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, config.channels(), t, t);
		final SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, config.latentDim());
		encoder(x, false, MU, LOGVAR);
		final SDVariable[] posterior = encoder(x, true, "mu_train", "logvar_train");
		final SDVariable mu = posterior[0], logvar = posterior[1];
		final SDVariable z = mu.add(sd.math().exp(logvar.mul(0.5)).mul(eps));
		final SDVariable recon = decoder(z, true).add(RECON, 0);
		final SDVariable diff = recon.sub(x);
		sd.mean(RECON_LOSS, diff.mul(diff).sum(1, 2, 3).add(RECON_PER_TILE, 0));
		final SDVariable klPerTile = mu.mul(mu).add(sd.math().exp(logvar)).sub(logvar).sub(1.0).sum(1)
			.mul(KL_PER_TILE, 0.5);
		final SDVariable kl = sd.mean(KL, klPerTile);
		kl.mul(KL_LOSS, config.beta());
		sd.setLossVariables(RECON_LOSS, KL_LOSS);
		final SDVariable zIn = sd.placeHolder(Z_IN, DataType.FLOAT, -1, config.latentDim());
		decoder(zIn, false).add(DECODED, 0);
	}

	/**
	 * The encoder's mean and log-variance, named; {@code training}: the copy the training step
	 * differentiates (the same weights and values, see {@link #relu}).
	 */
	private SDVariable[] encoder(final SDVariable x, final boolean training, final String mu,
		final String logvar)
	{
		final SDVariable h1 = relu(sd.cnn().conv2d(x, v("enc1_w"), v("enc1_b"), conv(3, 2)), training);
		final SDVariable h2 = relu(sd.cnn().conv2d(h1, v("enc2_w"), v("enc2_b"), conv(3, 2)), training);
		final SDVariable flat = h2.reshape(-1, config.flatSize());
		return new SDVariable[] { flat.mmul(v("mu_w")).add(mu, v("mu_b")), flat.mmul(v("logvar_w"))
			.add(logvar, v("logvar_b")) };
	}

	private SDVariable decoder(final SDVariable z, final boolean training) {
		final int s0 = config.decoderStart();
		final SDVariable d0 = relu(z.mmul(v("dec0_w")).add(v("dec0_b")), training)
			.reshape(-1, config.filters2(), s0, s0);
		final SDVariable d1 = relu(sd.cnn().deconv2d(d0, v("dec1_w"), v("dec1_b"), deconv()), training);
		final SDVariable out = sd.cnn().deconv2d(d1, v("dec2_w"), v("dec2_b"), deconv());
		final int t = config.tileSize();
		if (4 * s0 == t) return out;
		return out.get(SDIndex.all(), SDIndex.all(), SDIndex.interval(0, t), SDIndex.interval(0, t));
	}

	private SDVariable relu(final SDVariable x, final boolean training) {
		return training ? relu(sd, x) : sd.nn().relu(x, 0);
	}

	/**
	 * max(x, 0) as x * step(x), for the training step: the same values and gradients as ND4J's
	 * relu, whose backward op (thresholdedrelu_bp) takes 5 ms on [64, 32, 16, 16] in 1.0.0-M2.1,
	 * where a product's backward takes 0.1-0.3 ms: training steps of 45 instead of 47-50 ms. Its
	 * forward pass is the slower (an encoder batch of 256: 15-18 instead of 11-13 ms), so encoding
	 * and decoding keep ND4J's relu.
	 */
	static SDVariable relu(final SameDiff sd, final SDVariable x) {
		return x.mul(sd.math().step(x, 0));
	}

	private SDVariable v(final String name) {
		return sd.getVariable(name);
	}

	private static Conv2DConfig conv(final int k, final int stride) {
		return Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(0).pW(0).dH(1).dW(1)
			.paddingMode(PaddingMode.VALID).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
	}

	private static DeConv2DConfig deconv() {
		return DeConv2DConfig.builder().kH(4).kW(4).sH(2).sW(2).pH(1).pW(1).dH(1).dW(1)
			.isSameMode(false).dataFormat("NCHW").build();
	}

	public VaeConfig config() {
		return config;
	}

	/** Copies of the current weights by parameter name, in {@link #parameterShapes} order. */
	public synchronized Map<String, float[]> weights() {
		final Map<String, float[]> w = new LinkedHashMap<>();
		for (final String name : parameterShapes(config).keySet())
			w.put(name, v(name).getArr().dup('c').data().asFloat());
		return w;
	}

	/** Overwrites the weights (same names and sizes as {@link #weights()}). */
	public synchronized void setWeights(final Map<String, float[]> weights) {
		for (final Map.Entry<String, long[]> e : parameterShapes(config).entrySet())
			v(e.getKey()).getArr().assign(Nd4j.create(weights.get(e.getKey()), e.getValue(), 'c'));
	}

	/**
	 * Mean and log-variance of each tile.
	 *
	 * @param tiles [N, C, T, T] normalized tiles
	 * @return {mu [N, latent], logvar [N, latent]}
	 */
	public synchronized INDArray[] encode(final INDArray tiles) {
		final Map<String, INDArray> out = sd.output(Collections.singletonMap(X, tiles), MU, LOGVAR);
		return new INDArray[] { out.get(MU), out.get(LOGVAR) };
	}

	/** Decoded tiles [N, C, T, T] (normalized units) of latent codes z [N, latent]. */
	public synchronized INDArray decode(final INDArray z) {
		return sd.output(Collections.singletonMap(Z_IN, z), DECODED).get(DECODED);
	}

	/**
	 * Mean reconstruction loss (sum of squared errors per tile) and mean KL to the prior of a batch,
	 * with the given noise; the weights are not changed.
	 */
	public synchronized double[] losses(final INDArray tiles, final INDArray eps) {
		final Map<String, INDArray> in = new LinkedHashMap<>();
		in.put(X, tiles);
		in.put(EPS, eps);
		final Map<String, INDArray> out = sd.output(in, RECON_LOSS, KL);
		return new double[] { out.get(RECON_LOSS).getDouble(0), out.get(KL).getDouble(0) };
	}

	/**
	 * One Adam step on a batch.
	 *
	 * @return the batch's mean reconstruction loss and mean KL, as computed in the step itself
	 */
	public synchronized double[] fitStep(final INDArray tiles, final INDArray eps,
		final double learningRate)
	{
		if (learningRate != this.learningRate) {
			sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(learningRate))
				.dataSetFeatureMapping(X, EPS).markLabelsUnused().build());
			this.learningRate = learningRate;
		}
		sd.fit(new MultiDataSet(new INDArray[] { tiles, eps }, new INDArray[0]), lossRecorder);
		return new double[] { lossRecorder.recon, lossRecorder.kl };
	}

	/**
	 * Reads the per-tile loss terms while a training step computes them. SameDiff 1.0.0-M2.1 never
	 * evaluates the loss variables themselves in {@code fit} (their gradient needs only their
	 * inputs), so its own loss record stays at zero.
	 */
	private static final class LossRecorder extends BaseListener {

		private double recon = Double.NaN, kl = Double.NaN;

		@Override
		public boolean isActive(final Operation operation) {
			return operation == Operation.TRAINING;
		}

		@Override
		public void activationAvailable(final SameDiff sd, final At at,
			final org.nd4j.linalg.dataset.api.MultiDataSet batch, final SameDiffOp op,
			final String varName, final INDArray activation)
		{
			if (RECON_PER_TILE.equals(varName)) recon = activation.meanNumber().doubleValue();
			else if (KL_PER_TILE.equals(varName)) kl = activation.meanNumber().doubleValue();
		}
	}
}
