package org.vaetexture.spark;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The job's progress on the driver's stderr: a line each time another percent of the chunks is
 * done, with the time so far, counted from Spark's task-end events.
 */
final class TaskProgress extends SparkListener {

	private final PrintWriter err;
	private final String what;
	private final int tasks;
	private final long start = System.nanoTime();
	/** The tasks done, by index: a speculative second attempt of a task counts once. */
	private final Set<Integer> done = ConcurrentHashMap.newKeySet();
	private int shownPercent = -1;

	TaskProgress(final PrintWriter err, final String what, final int tasks) {
		this.err = err;
		this.what = what;
		this.tasks = tasks;
	}

	@Override
	public void onTaskEnd(final SparkListenerTaskEnd taskEnd) {
		if (!taskEnd.taskInfo().successful()) return;
		done.add(taskEnd.taskInfo().index());
		final int n = done.size();
		final int percent = (int) (100L * n / tasks);
		synchronized (this) {
			if (percent <= shownPercent) return;
			shownPercent = percent;
			err.println(String.format(Locale.ROOT, "%s: %d of %d chunks (%d%%) in %.0f s", what, n, tasks,
				percent, (System.nanoTime() - start) / 1e9));
			err.flush();
		}
	}
}
