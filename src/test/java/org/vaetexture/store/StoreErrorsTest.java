package org.vaetexture.store;

import static org.vaetexture.ErrorAssertions.assertMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users can get wrong, or what they may be given, fails with one line that names the file and
 * says what to change: missing or unsupported metadata, damaged chunks, images without axes.
 */
class StoreErrorsTest {

	@TempDir
	Path dir;

	@Test
	void aFolderWithoutMetadataIsNoArray() throws IOException {
		final Path empty = Files.createDirectory(dir.resolve("empty.zarr"));
		assertMessage("cannot read '" + empty + "': it has no .zarray; give the folder of a Zarr " +
			"array or OME-Zarr image", () -> ZarrArray.open(empty));
		assertMessage("cannot read '" + empty + "': it is no Zarr array, OME-Zarr image or N5 " +
			"dataset; give the folder of one", () -> OmeZarr.open(empty));
		assertMessage("it has no attributes.json with dimensions; give the folder of an N5 dataset",
			() -> N5Array.open(empty));
	}

	/** Zarr v3 is named as such, not taken for a folder of image files. */
	@Test
	void zarrVersionThreeIsNamed() throws IOException {
		final Path v3 = Files.createDirectory(dir.resolve("v3.zarr"));
		Files.writeString(v3.resolve("zarr.json"), "{\"zarr_format\": 3, \"node_type\": \"group\"}");
		org.junit.jupiter.api.Assertions.assertTrue(OmeZarr.isChunkedStore(v3));
		assertMessage("cannot read '" + v3 + "': it is Zarr v3 (OME-Zarr 0.5), which is not read yet;" +
			" save it as Zarr v2 (OME-Zarr 0.4)", () -> OmeZarr.open(v3));
	}

	/** Chunks too large to read back are refused before anything is written, so a rerun can differ. */
	@Test
	void chunksTooLargeAreRefusedBeforeTheMetadataIsWritten() {
		final Path big = dir.resolve("big.zarr");
		assertMessage("cannot create '" + big + "': chunks of [128, 2048, 2048] float32 values are too " +
			"large; choose a smaller --chunk", () -> ZarrArray.create(big, new long[] { 128, 4096, 4096 },
				new int[] { 128, 2048, 2048 }, DataType.FLOAT32, ZarrCodec.parse("zlib"), Map.of()));
		org.junit.jupiter.api.Assertions.assertFalse(Files.exists(big.resolve(".zarray")));
		ZarrArray.create(big, new long[] { 128, 4096, 4096 }, new int[] { 128, 1024, 1024 },
			DataType.FLOAT32, ZarrCodec.parse("zlib"), Map.of());
	}

	@Test
	void unsupportedZarrMetadataIsNamed() throws IOException {
		assertMessage(".zarray says order F; only C order is supported - rewrite the array with " +
			"order='C'", () -> ZarrArray.open(edited("u2_blosc_zstd", "\"C\"", "\"F\"")));
		assertMessage(".zarray dtype '<c8' is not supported; rewrite the array as uint8, int8, " +
			"uint16, int16, uint32, int32, float32 or float64", () -> ZarrArray.open(edited(
				"u2_blosc_zstd", "<u2", "<c8")));
		assertMessage(".zarray lists the filter \"delta\"; filters are not supported - rewrite the " +
			"array without filters", () -> ZarrArray.open(edited("u2_blosc_zstd", "\"filters\": null",
				"\"filters\": [{\"id\": \"delta\", \"dtype\": \"<u2\"}]")));
		assertMessage(".zarray compressor 'lzma' is not supported; rewrite the array with blosc (lz4 " +
			"or zstd), zlib, gzip or none", () -> ZarrArray.open(edited("i2_gzip", "\"gzip\"",
				"\"lzma\"")));
		assertMessage(".zarray says zarr_format 3; only Zarr v2 is supported", () -> ZarrArray.open(
			edited("u4_raw", "\"zarr_format\": 2", "\"zarr_format\": 3")));
		assertMessage("its .zarray is not valid Zarr v2 metadata (", () -> ZarrArray.open(edited(
			"u4_raw", "\"shape\"", "\"shape_\"")));
		final Path broken = edited("u4_raw", "\"C\"", "\"C");
		assertMessage("cannot read '" + broken.resolve(".zarray") + "': ", () -> ZarrArray.open(
			broken));
	}

	@Test
	void damagedChunksAreNamed() throws IOException {
		for (final String name : new String[] { "u1_blosc_lz4", "u2_blosc_zstd", "f4_zlib_3d",
			"i2_gzip", "u4_raw" })
		{
			final Path array = edited(name, "\"C\"", "\"C\"");
			final Path chunk = array.resolve(name.contains("3d") ? "0.0.0" : "0.0");
			final byte[] bytes = Files.readAllBytes(chunk);
			Files.write(chunk, java.util.Arrays.copyOf(bytes, bytes.length - 9));
			final ChunkedArray a = ZarrArray.open(array);
			assertMessage("cannot read chunk '" + chunk + "': it is damaged (", () -> a.read(new long[a
				.shape().length], a.chunkShape()));
			assertMessage("); rewrite the array or delete this chunk", () -> a.read(new long[a
				.shape().length], a.chunkShape()));
		}
	}

	@Test
	void unsupportedN5IsNamed() throws IOException {
		final Path n5 = copy("f4_gzip.n5");
		final Path attributes = n5.resolve("attributes.json");
		final String json = Files.readString(attributes);
		Files.writeString(attributes, json.replace("\"gzip\"", "\"xz\""));
		assertMessage("cannot read '" + n5 + "': its compression 'xz' is not supported; rewrite the " +
			"dataset with gzip, blosc or raw compression", () -> N5Array.open(n5));
		Files.writeString(attributes, json.replace("float32", "uint64"));
		assertMessage("its dataType 'uint64' is not supported", () -> N5Array.open(n5));
		Files.writeString(attributes, json);
		final Path block = n5.resolve("0/0/0");
		final byte[] bytes = Files.readAllBytes(block);
		bytes[1] = 2;
		Files.write(block, bytes);
		assertMessage("cannot read '" + block + "': its block mode 2 is not supported; rewrite the " +
			"dataset with default blocks", () -> N5Array.open(n5).read(new long[3], new int[] { 1, 1,
				1 }));
		Files.write(block, new byte[] { 0, 0, 0 });
		assertMessage("cannot read block '" + block + "': its header is damaged (", () -> N5Array
			.open(n5).read(new long[3], new int[] { 1, 1, 1 }));
	}

	@Test
	void imagesNeedAxesBeyondThreeDimensions() throws IOException {
		final Path fourD = dir.resolve("4d.zarr");
		ZarrArray.create(fourD, new long[] { 2, 3, 4, 5 }, new int[] { 1, 3, 4, 5 }, DataType.UINT8,
			ZarrCodec.raw(), Map.of());
		assertMessage("cannot read '" + fourD + "': its 4-dimensional array has no axes metadata; " +
			"save it as OME-Zarr with multiscales axes (t, c, z, y, x)", () -> OmeZarr.open(fourD));
		final Path group = copy("ome.zarr");
		final Path zattrs = group.resolve(".zattrs");
		final String json = Files.readString(zattrs);
		Files.writeString(zattrs, json.replace("{\n                    \"name\": \"c\",\n" +
			"                    \"type\": \"channel\"\n                },", ""));
		assertMessage("its multiscales axes [y, x] do not match its 3 array dimensions; fix the " +
			"axes metadata", () -> OmeZarr.open(group));
		Files.writeString(zattrs, json.replace("\"path\": \"0\"", "\"path\": 0.5"));
		assertMessage("0.5': it is no Zarr array, OME-Zarr image or N5 dataset", () -> OmeZarr.open(
			group));
		Files.writeString(zattrs, json.replace("\"datasets\"", "\"sets\""));
		assertMessage("cannot read '" + group + "': its multiscales metadata is not valid (", () ->
			OmeZarr.open(group));
		Files.writeString(zattrs, "{}");
		assertMessage("it is a Zarr group without OME-Zarr multiscales metadata; give the folder of " +
			"one of its images or arrays (of a bioformats2raw folder, its image '0')", () -> OmeZarr.open(
				group));
		assertMessage("cannot create '" + group + "': it already holds a different image", () ->
			OmeZarr.create(group, "x", List.of("c", "y", "x"), new long[] { 2, 37, 29 }, new int[] { 1,
				16, 16 }, DataType.UINT16, ZarrCodec.raw(), Map.of()));
	}

	/** A fresh copy of a fixture array whose .zarray has {@code from} replaced by {@code to}. */
	private Path edited(final String name, final String from, final String to) throws IOException {
		final Path copy = copy(name + ".zarr");
		final Path zarray = copy.resolve(".zarray");
		final String json = Files.readString(zarray);
		if (!json.contains(from)) throw new IllegalArgumentException(from + " is not in " + json);
		Files.writeString(zarray, json.replace(from, to));
		return copy;
	}

	private Path copy(final String fixture) throws IOException {
		final Path source = Fixtures.DIR.resolve(fixture);
		final Path target = Files.createTempDirectory(dir, "copy").resolve(fixture);
		try (Stream<Path> files = Files.walk(source)) {
			for (final Path p : (Iterable<Path>) files::iterator)
				Files.copy(p, target.resolve(source.relativize(p).toString()));
		}
		return target;
	}
}
