package org.vaetexture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes files all or nothing: the content goes to a hidden temporary file beside the target, is
 * forced to the disk, and the file is then moved over the target. A failure (disk full, cancel, a
 * crash of the process or of the machine) leaves the target as it was or whole.
 */
public final class AtomicFiles {

	/** Writes the content of a file. */
	public interface Writer {

		void write(Path file) throws IOException;
	}

	private AtomicFiles() {}

	/**
	 * Requires that a file can be created at {@code target}: its folder exists, is a folder and
	 * takes a new file (tried with a probe file, deleted at once), and the target is not a folder.
	 *
	 * @param what how messages name the file ("model", "--output"...)
	 * @throws VaeTextureException naming the file and what to change
	 */
	public static void requireTarget(final Path target, final String what) {
		final Path absolute = target.toAbsolutePath();
		final Path dir = absolute.getParent();
		final String prefix = "cannot write " + what + " '" + target + "': ";
		if (Files.isDirectory(absolute)) throw new VaeTextureException(prefix +
			"it is a folder; give a file name");
		if (dir == null || !Files.exists(dir)) throw new VaeTextureException(prefix + "folder '" + dir +
			"' does not exist; create it or choose another");
		if (!Files.isDirectory(dir)) throw new VaeTextureException(prefix + "'" + dir +
			"' is a file, not a folder; choose a path in a folder");
		try {
			// a real file, because permissions do not tell root about read-only file systems
			Files.delete(Files.createTempFile(dir, ".vae-texture-", ".probe"));
		}
		catch (final IOException e) {
			throw new VaeTextureException(prefix + "folder '" + dir + "' is not writable (" + e
				.getClass().getSimpleName() + "); choose another", e);
		}
	}

	/**
	 * @param what how messages name the file ("model", "output"...)
	 * @throws VaeTextureException naming the file and what to change
	 */
	public static void write(final Path target, final String what, final Writer writer) {
		requireTarget(target, what);
		replace(target, what, writer);
	}

	/**
	 * Writes bytes all or nothing, without {@link #requireTarget}'s probe: for many small files
	 * (array chunks) in a folder that is known to exist.
	 *
	 * @throws VaeTextureException naming the file and what to change
	 */
	public static void writeBytes(final Path target, final byte[] content) {
		replace(target, "file", temp -> Files.write(temp, content));
	}

	/**
	 * Deletes a folder and everything in it, if it is there: what a cancelled or finished job leaves
	 * that must not be taken for output.
	 *
	 * @throws VaeTextureException naming the folder, to delete by hand
	 */
	public static void deleteFolder(final Path folder) {
		if (!Files.exists(folder)) return;
		try (Stream<Path> files = Files.walk(folder)) {
			for (final Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator)
				Files.delete(p);
		}
		catch (final IOException e) {
			throw new VaeTextureException("cannot delete '" + folder + "': " + e.getMessage() +
				"; delete it by hand", e);
		}
	}

	private static void replace(final Path target, final String what, final Writer writer) {
		final Path absolute = target.toAbsolutePath();
		final Path dir = absolute.getParent();
		final Path temp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(
			ThreadLocalRandom.current().nextLong()) + ".tmp");
		try {
			writer.write(temp);
			// on the disk before it takes the target's name, so that after a crash of the machine (not
			// only of the process) the target is the old file or the whole new one, never an empty one
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
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
