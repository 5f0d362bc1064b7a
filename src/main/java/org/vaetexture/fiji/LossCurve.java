package org.vaetexture.fiji;

import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;

import org.vaetexture.model.EpochRecord;

/**
 * The training history: the loss (reconstruction + beta KL) per epoch as a plot image, and all
 * loss terms as a tab-separated table.
 */
final class LossCurve {

	private LossCurve() {}

	static ImagePlus plot(final List<EpochRecord> history, final double beta) {
		final double[] epochs = new double[history.size()], train = new double[history.size()],
				validation = new double[history.size()];
		for (int i = 0; i < history.size(); i++) {
			final EpochRecord e = history.get(i);
			epochs[i] = e.epoch();
			train[i] = e.trainRecon() + beta * e.trainKl();
			validation[i] = e.validationLoss(beta);
		}
		final Plot plot = new Plot("Loss curve", "epoch", "loss per tile (reconstruction + beta KL)");
		plot.setColor("blue");
		plot.addPoints(epochs, train, Plot.CONNECTED_CIRCLES);
		plot.setColor("red");
		plot.addPoints(epochs, validation, Plot.CONNECTED_CIRCLES);
		plot.setLegend("training\tvalidation", Plot.AUTO_POSITION);
		plot.setLimitsToFit(false);
		return plot.getImagePlus();
	}

	static String table(final List<EpochRecord> history) {
		final StringBuilder t = new StringBuilder(
			"epoch\ttrain_recon\ttrain_kl\tvalidation_recon\tvalidation_kl\tseconds\n");
		for (final EpochRecord e : history)
			t.append(String.format(java.util.Locale.ROOT, "%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.1f%n", e.epoch(), e
				.trainRecon(), e.trainKl(), e.validationRecon(), e.validationKl(), e.seconds()));
		return t.toString();
	}
}
