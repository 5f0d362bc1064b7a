package org.vaetexture.chunked;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.store.DataType;
import org.vaetexture.store.OmeZarr;
import org.vaetexture.store.ZarrCodec;

/** {@code convert}'s writer: the pixel type it keeps, and nothing left behind when cancelled. */
class OmeZarrExportTest {

	/** A 37 x 29 uint32 array written by zarr-python, in chunks of 16, uncompressed. */
	private static final Path UINT32 = Paths.get("src", "test", "resources", "store", "u4_raw.zarr");

	@TempDir
	Path dir;

	@Test
	void thirtyTwoBitIntegersAreWrittenAsTheFloatsTheMapsRead() {
		final ChunkedImage input = ChunkedImage.open(UINT32);
		assertEquals(DataType.UINT32, input.dataType());
		final Path out = dir.resolve("u4.zarr");
		OmeZarrExport.write(input, out, 16, ZarrCodec.parse("zlib"), f -> {}, () -> false);
		final ChunkedImage written = ChunkedImage.open(out);
		assertEquals(DataType.FLOAT32, written.dataType(), "not the uint32 its values no longer are");
		assertArrayEquals(input.read(0, 0, 0, input.width(), input.height()), written.read(0, 0, 0,
			input.width(), input.height()));
		assertEquals(DataType.FLOAT32, OmeZarr.open(out).array().dataType());
	}

	@Test
	void aCancelledConversionLeavesNothingAndARerunClearsWhatAKilledOneLeft() throws IOException {
		final ChunkedImage input = ChunkedImage.open(UINT32);
		final Path out = dir.resolve("cancelled.zarr"), partial = dir.resolve("cancelled.zarr.partial");
		final int[] asked = { 0 };
		assertThrows(CancellationException.class, () -> OmeZarrExport.write(input, out, 16, ZarrCodec
			.parse("zlib"), f -> {}, () -> ++asked[0] > 2));
		assertEquals(3, asked[0], "two of the six chunks written, then cancelled");
		assertFalse(Files.exists(out));
		assertFalse(Files.exists(partial));
		// a killed conversion leaves its folder: the next one starts afresh
		Files.createDirectories(partial.resolve("0"));
		Files.writeString(partial.resolve("0").resolve("0.0"), "half a chunk");
		OmeZarrExport.write(input, out, 16, ZarrCodec.parse("zlib"), f -> {}, () -> false);
		assertTrue(Files.exists(out.resolve("0").resolve(".zarray")));
		assertFalse(Files.exists(partial));
	}
}
