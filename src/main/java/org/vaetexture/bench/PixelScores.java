package org.vaetexture.bench;

import java.util.Arrays;

/**
 * Pixel-level scores of a heatmap against a ground-truth mask, over all pixels: the area under the
 * ROC curve (ties count half) and average precision (sum over thresholds of recall gain times
 * precision, tied scores taken together), as {@code ../shared/bench/score.py} computes them.
 */
public final class PixelScores {

	private final double auroc, averagePrecision;

	private PixelScores(final double auroc, final double averagePrecision) {
		this.auroc = auroc;
		this.averagePrecision = averagePrecision;
	}

	/**
	 * @param scores one score per pixel (higher = more anomalous), all finite
	 * @param positive the mask, same length
	 */
	public static PixelScores of(final float[] scores, final boolean[] positive) {
		final int n = scores.length;
		final Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			if (!Float.isFinite(scores[i])) throw new IllegalArgumentException("non-finite score at " + i);
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
		long positives = 0;
		for (final boolean p : positive)
			if (p) positives++;
		final long negatives = n - positives;
		if (positives == 0 || negatives == 0) throw new IllegalArgumentException(
			"the mask needs both anomalous and normal pixels");
		double ap = 0, aucSum = 0;
		long tp = 0, fp = 0;
		for (int i = 0; i < n;) {
			int j = i;
			long groupTp = 0, groupFp = 0;
			while (j < n && scores[order[j]] == scores[order[i]]) {
				if (positive[order[j]]) groupTp++;
				else groupFp++;
				j++;
			}
			// negatives in this group rank below all earlier positives and tie with this group's
			aucSum += groupFp * (tp + 0.5 * groupTp);
			tp += groupTp;
			fp += groupFp;
			ap += (double) groupTp / positives * tp / (tp + fp);
			i = j;
		}
		return new PixelScores(aucSum / ((double) positives * negatives), ap);
	}

	public double auroc() {
		return auroc;
	}

	public double averagePrecision() {
		return averagePrecision;
	}
}
