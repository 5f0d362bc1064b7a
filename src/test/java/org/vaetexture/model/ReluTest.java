package org.vaetexture.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The network's relu (x * step(x)) has ND4J's relu's values and gradients, bit for bit. */
class ReluTest {

	@BeforeAll
	static void start() {
		Backend.useThreads(1);
	}

	@Test
	void valuesAndGradientsEqualNd4jRelu() {
		final float[] v = { -2.5f, -1e-30f, 0f, 1e-30f, 0.75f, 3f, -0f, 7.25f };
		final INDArray x = Nd4j.createFromArray(v).reshape(2, 4);
		final INDArray w = Nd4j.createFromArray(new float[] { 1.5f, -2f, 3f, 0.5f, -1f, 2f, 4f, -3f })
			.reshape(2, 4);
		final Map<String, INDArray> ours = valueAndGradient(x, w, (sd, in) -> VaeNetwork.relu(sd, in)
			.add("y", 0));
		final Map<String, INDArray> nd4j = valueAndGradient(x, w, (sd, in) -> sd.nn().relu("y", in, 0));
		for (int i = 0; i < v.length; i++) {
			final float relu = Math.max(v[i], 0);
			assertEquals(relu, ours.get("y").getFloat(i), 0, "value at " + v[i]);
			assertEquals(nd4j.get("y").getFloat(i), ours.get("y").getFloat(i), 0, "value at " + v[i]);
			assertEquals(v[i] > 0 ? w.getFloat(i) : 0, ours.get("x").getFloat(i), 0, "gradient at " +
				v[i]);
			assertEquals(nd4j.get("x").getFloat(i), ours.get("x").getFloat(i), 0, "gradient at " + v[i]);
		}
	}

	/** y and the gradient of sum(y * w) with respect to x. */
	private static Map<String, INDArray> valueAndGradient(final INDArray x, final INDArray w,
		final BiFunction<SameDiff, SDVariable, SDVariable> relu)
	{
		final SameDiff sd = SameDiff.create();
		final SDVariable y = relu.apply(sd, sd.var("x", x.dup()));
		sd.sum("loss", y.mul(sd.constant(w)));
		sd.setLossVariables("loss");
		final Map<String, INDArray> out = new HashMap<>();
		out.put("x", sd.calculateGradients(Collections.emptyMap(), "x").get("x").dup());
		out.put("y", sd.output(Collections.emptyMap(), "y").get("y").dup());
		return out;
	}
}
