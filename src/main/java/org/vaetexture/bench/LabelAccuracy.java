package org.vaetexture.bench;

/**
 * Pixel accuracy of a label image against the truth after the best one-to-one matching of
 * predicted labels to true classes (every permutation is tried; for the handful of classes of a
 * benchmark).
 */
public final class LabelAccuracy {

	private LabelAccuracy() {}

	/**
	 * @param truth classes 0 to n - 1
	 * @param labels predicted labels 1 to k (k at most 8)
	 */
	public static double of(final int[] truth, final int[] labels) {
		int n = 0, k = 0;
		for (int i = 0; i < truth.length; i++) {
			n = Math.max(n, truth[i] + 1);
			k = Math.max(k, labels[i]);
		}
		final int m = Math.max(n, k);
		if (m > 8) throw new IllegalArgumentException("at most 8 labels, got " + m);
		final long[][] counts = new long[m][m];
		for (int i = 0; i < truth.length; i++)
			counts[labels[i] - 1][truth[i]]++;
		final int[] permutation = new int[m];
		for (int i = 0; i < m; i++)
			permutation[i] = i;
		return best(counts, permutation, 0) / (double) truth.length;
	}

	/** Most pixels matched when label i goes to class permutation[i], over the orders of [from, m). */
	private static long best(final long[][] counts, final int[] permutation, final int from) {
		if (from == permutation.length) {
			long s = 0;
			for (int i = 0; i < permutation.length; i++)
				s += counts[i][permutation[i]];
			return s;
		}
		long best = 0;
		for (int i = from; i < permutation.length; i++) {
			swap(permutation, from, i);
			best = Math.max(best, best(counts, permutation, from + 1));
			swap(permutation, from, i);
		}
		return best;
	}

	private static void swap(final int[] a, final int i, final int j) {
		final int t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}
