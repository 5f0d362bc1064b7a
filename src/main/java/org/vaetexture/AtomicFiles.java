package org.vaetexture;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files all or nothing: the content goes to a hidden temporary file beside the target, which
 * is then moved over it. A failure (disk full, cancel, crash) leaves the target as it was.
 */
public final class AtomicFiles {

	/** Writes the content of a file. */
	public interface Writer {

		void write(Path file) throws IOException;
	}

	private AtomicFiles() {}

	/**
	 * @param what how messages name the file ("model", "output"...)
	 * @throws VaeTextureException naming the file and what to change
	 */
	public static void write(final Path target, final String what, final Writer writer) {
		final Path absolute = target.toAbsolutePath();
		final Path dir = absolute.getParent();
		if (dir == null || !Files.isDirectory(dir)) throw new VaeTextureException("cannot write " +
			what + " '" + target + "': folder '" + dir + "' does not exist");
		if (Files.isDirectory(absolute)) throw new VaeTextureException("cannot write " + what + " '" +
			target + "': it is a folder; give a file name");
		final Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(
			ThreadLocalRandom.current().nextLong()) + ".tmp");
		try {
			writer.write(temp);
			try {
				Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (final IOException e) {
			throw new VaeTextureException("cannot write " + what + " '" + target + "': " + e
				.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()) +
				"; choose a writable folder with free space", e);
		}
		finally {
			try {
				Files.deleteIfExists(temp);
			}
			catch (final IOException ignored) {
				// best effort: the temporary file is hidden and named after the target
			}
		}
	}
}
