package org.vaetexture.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.DoubleConsumer;

/**
 * Progress of a map on stderr: a live percentage on a terminal; a start and an end line otherwise,
 * the start line only once work is under way, so that bad input gets its error line alone.
 */
final class MapProgress implements DoubleConsumer {

	private final PrintWriter err;
	private final boolean live;
	private final String label;
	private final long start = System.nanoTime();
	private long lastDraw;
	private boolean started;

	MapProgress(final PrintWriter err, final boolean live, final String label) {
		this.err = err;
		this.live = live;
		this.label = label;
	}

	/**
	 * Called after each block: the first call (after the input's checks have passed) prints the
	 * start line when the output is not a terminal.
	 */
	@Override
	public void accept(final double fraction) {
		if (!live) {
			if (!started) err.println(label + "...");
			started = true;
			err.flush();
			return;
		}
		final long now = System.nanoTime();
		if (now - lastDraw < 200_000_000L && fraction < 1) return;
		lastDraw = now;
		err.print(String.format(Locale.ROOT, "\r%s %3.0f%%", label, 100 * fraction));
		err.flush();
	}

	/** Ends the progress display with the elapsed time. */
	void done(final String what) {
		err.println(String.format(Locale.ROOT, "%s%s in %.1f s", live ? "\r" : "", what, (System
			.nanoTime() - start) / 1e9));
		err.flush();
	}
}
