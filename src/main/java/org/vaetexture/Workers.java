package org.vaetexture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Runs a task on each item of a list with a few worker threads, for the block-wise maps: each
 * worker takes the next item until none is left, a failure or a cancel stops them all (items under
 * way finish), and the first failure is thrown once every worker has stopped. With one worker the
 * items run on the calling thread.
 */
public final class Workers {

	private Workers() {}

	/**
	 * @param workerEnd run by each worker when it stops (to release what its thread holds)
	 * @param progress the fraction of the items done, 0 to 1 (called by one worker at a time)
	 * @throws CancellationException when {@code cancelled} answers true (checked before each item)
	 */
	public static <T> void forEach(final List<T> items, final int workers, final Consumer<T> task,
		final Runnable workerEnd, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		final AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
		final AtomicReference<Throwable> failure = new AtomicReference<>();
		final Runnable worker = () -> {
			try {
				for (int i = next.getAndIncrement(); i < items.size() && failure.get() == null; i = next
					.getAndIncrement())
				{
					if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
					task.accept(items.get(i));
					synchronized (progress) {
						progress.accept((double) done.incrementAndGet() / items.size());
					}
				}
			}
			catch (final Throwable e) { // an OutOfMemoryError too reaches the caller
				failure.compareAndSet(null, e);
			}
			finally {
				workerEnd.run();
			}
		};
		final int n = Math.max(1, Math.min(workers, items.size()));
		final List<Thread> threads = new ArrayList<>();
		try {
			for (int t = 1; t < n; t++) {
				final Thread thread = new Thread(worker, "vae-texture-worker-" + t);
				thread.start();
				threads.add(thread);
			}
		}
		catch (final OutOfMemoryError e) { // no thread to be had: stop those started
			failure.compareAndSet(null, e);
		}
		worker.run();
		boolean interrupted = false;
		for (final Thread t : threads)
			while (t.isAlive())
				try {
					t.join();
				}
				catch (final InterruptedException e) {
					interrupted = true;
					failure.compareAndSet(null, new CancellationException("interrupted"));
				}
		if (interrupted) Thread.currentThread().interrupt();
		final Throwable f = failure.get();
		if (f instanceof Error) throw (Error) f;
		if (f instanceof RuntimeException) throw (RuntimeException) f;
		if (f != null) throw new IllegalStateException(f);
	}
}
