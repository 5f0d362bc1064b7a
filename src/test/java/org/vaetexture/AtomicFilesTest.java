package org.vaetexture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while writing: a write that fails midway (as on a full disk), or a target that cannot be
 * written, gives a one-line error and leaves an existing file byte for byte, with no temporary file.
 */
class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	void aWriteThatFailsMidwayLeavesTheExistingFileIntact() throws IOException {
		final Path target = Files.write(dir.resolve("m.zip"), new byte[] { 1, 2, 3, 4 });
		assertMessage("cannot write model '" + target + "': IOException No space left on device", () ->
			AtomicFiles.write(target, "model", temp -> {
				try (OutputStream out = Files.newOutputStream(temp)) {
					out.write(new byte[100_000]);
					throw new IOException("No space left on device");
				}
			}));
		assertArrayEquals(new byte[] { 1, 2, 3, 4 }, Files.readAllBytes(target));
		assertArrayEquals(new String[] { "m.zip" }, dir.toFile().list(), "no temporary file left");
	}

	@Test
	void aCompleteWriteReplacesTheFile() throws IOException {
		final Path target = Files.write(dir.resolve("m.zip"), new byte[] { 1, 2, 3, 4 });
		AtomicFiles.write(target, "model", temp -> Files.write(temp, new byte[] { 9 }));
		assertArrayEquals(new byte[] { 9 }, Files.readAllBytes(target));
		assertEquals(1, dir.toFile().list().length);
	}

	@Test
	void bytesReplaceTheFileWithNoTemporaryFileLeft() throws IOException {
		final Path target = Files.write(dir.resolve("0.0"), new byte[] { 1, 2, 3, 4 });
		AtomicFiles.writeBytes(target, new byte[] { 7, 8 });
		assertArrayEquals(new byte[] { 7, 8 }, Files.readAllBytes(target));
		assertArrayEquals(new String[] { "0.0" }, dir.toFile().list());
		assertMessage("cannot write file '" + dir.resolve("none/0.1") + "': NoSuchFileException", () ->
			AtomicFiles.writeBytes(dir.resolve("none/0.1"), new byte[] { 1 }));
	}

	@Test
	void aTargetWhoseFolderIsAFileIsRefused() throws IOException {
		final Path file = Files.write(dir.resolve("plain.txt"), new byte[] { 1 });
		assertMessage("'" + file + "' is a file, not a folder", () -> AtomicFiles.write(file.resolve(
			"m.zip"), "model", temp -> Files.write(temp, new byte[] { 9 })));
	}

	@Test
	void aFolderAsTargetIsRefused() throws IOException {
		final Path folder = Files.createDirectory(dir.resolve("sub"));
		assertMessage("it is a folder; give a file name", () -> AtomicFiles.write(folder, "model",
			temp -> Files.write(temp, new byte[] { 9 })));
		assertTrue(Files.isDirectory(folder));
	}

	@Test
	void aCheckedTargetLeavesNoProbeBehind() {
		AtomicFiles.requireTarget(dir.resolve("out.tif"), "--output");
		assertEquals(0, dir.toFile().list().length);
	}
}
