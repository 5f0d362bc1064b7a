package org.vaetexture.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.vaetexture.model.EpochRecord;
import org.vaetexture.train.TrainingListener;
import org.vaetexture.train.TrainingProgress;

/**
 * Shows training progress on stderr: a live bar with the ETA on a terminal, one plain line per
 * epoch otherwise (logs, pipes, CI).
 */
final class ProgressPrinter implements TrainingListener {

	private static final long REDRAW_NANOS = 200_000_000L;

	private final PrintWriter err;
	private final boolean live;
	private long lastDraw;
	private TrainingProgress last;

	ProgressPrinter(final PrintWriter err, final boolean live) {
		this.err = err;
		this.live = live;
	}

	@Override
	public void step(final TrainingProgress p) {
		last = p;
		if (!live) return;
		final long now = System.nanoTime();
		if (now - lastDraw < REDRAW_NANOS) return;
		lastDraw = now;
		final int width = 30, filled = (int) Math.round(p.fraction() * width);
		err.print(String.format(Locale.ROOT, "\r[%s%s] %3.0f%% epoch %d/%d  recon %.2f  KL %.2f  %.0f tiles/s  ETA %s ",
			"#".repeat(filled), " ".repeat(width - filled), 100 * p.fraction(), p.epoch(), p.epochs(),
			p.recon(), p.kl(), p.tilesPerSecond(), time(p.etaSeconds())));
		err.flush();
	}

	@Override
	public void epochDone(final EpochRecord e) {
		final String line = String.format(Locale.ROOT,
			"epoch %d/%d  train recon %.3f KL %.3f  validation recon %.3f KL %.3f  %.0f tiles/s  %s elapsed, ETA %s",
			e.epoch(), last.epochs(), e.trainRecon(), e.trainKl(), e.validationRecon(), e.validationKl(),
			last.tilesPerSecond(), time(e.seconds()), time(last.etaSeconds()));
		err.println(live ? "\r" + line + " ".repeat(8) : line);
	}

	private static String time(final double seconds) {
		if (!Double.isFinite(seconds)) return "?";
		final long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
			: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
