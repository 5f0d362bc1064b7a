package org.vaetexture.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.vaetexture.api.Monitor;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.model.EpochRecord;
import org.vaetexture.train.TrainingProgress;

/**
 * Progress on stderr. On a terminal: a live bar with the losses and the ETA while training, a live
 * percentage for other stages. Otherwise (logs, pipes, CI): a line per epoch, and a start and an end
 * line per stage, the start line only once work is under way, so that bad input gets its error
 * line alone.
 */
final class ConsoleMonitor implements Monitor {

	private static final long REDRAW_NANOS = 200_000_000L;

	private final PrintWriter err;
	private final boolean live;
	private final String subject;
	private String stage;
	private boolean announced;
	private long stageStart, lastDraw;
	private TrainingProgress last;

	/** @param subject what the stages work on, e.g. "of brick.tif"; empty for nothing */
	ConsoleMonitor(final PrintWriter err, final String subject) {
		this.err = err;
		this.live = System.console() != null;
		this.subject = subject.isEmpty() ? "" : " " + subject;
	}

	@Override
	public void progress(final String name, final double fraction) {
		if (!name.equals(stage)) {
			done();
			stage = name;
			stageStart = System.nanoTime();
			announced = false;
		}
		if (fraction <= 0) return; // timed from here, shown once some work is done
		if (!live && !announced) err.println(stage + subject + "...");
		announced = true;
		if (!live || VaeTexture.TRAINING.equals(name)) {
			err.flush();
			return;
		}
		if (!redraw() && fraction < 1) return;
		err.print(String.format(Locale.ROOT, "\r%s%s %3.0f%%", stage, subject, 100 * fraction));
		err.flush();
	}

	@Override
	public void step(final TrainingProgress p) {
		last = p;
		if (!VaeTexture.TRAINING.equals(stage)) progress(VaeTexture.TRAINING, p.fraction());
		if (!live || !redraw()) return;
		final int width = 30, filled = (int) Math.round(p.fraction() * width);
		err.print(String.format(Locale.ROOT,
			"\r[%s%s] %3.0f%% epoch %d/%d  recon %.2f  KL %.2f  %.0f tiles/s  ETA %s ", "#".repeat(filled),
			" ".repeat(width - filled), 100 * p.fraction(), p.epoch(), p.epochs(), p.recon(), p.kl(), p
				.tilesPerSecond(), time(p.etaSeconds())));
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

	/** Ends the current stage, if any, with its elapsed time. */
	void done() {
		if (stage == null) return;
		err.println(String.format(Locale.ROOT, "%s%s in %.1f s", live ? "\r" : "", stage, (System
			.nanoTime() - stageStart) / 1e9));
		err.flush();
		stage = null;
	}

	private boolean redraw() {
		final long now = System.nanoTime();
		if (now - lastDraw < REDRAW_NANOS) return false;
		lastDraw = now;
		return true;
	}

	private static String time(final double seconds) {
		if (!Double.isFinite(seconds)) return "?";
		final long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
			: String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
