package org.vaetexture.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;
import org.vaetexture.store.AxisScale;
import org.vaetexture.store.ChunkedArray;
import org.vaetexture.store.OmeZarr;

/**
 * OME-Zarr on the command line: convert, the maps into OME-Zarr from OME-Zarr and from TIFF, a job
 * array's partitions, and the one-line errors.
 */
class ZarrCliTest {

	@TempDir
	static Path dir;
	private static Path model, input;
	private static double pixelSize;

	@BeforeAll
	static void setUp() {
		model = dir.resolve("cell.zip");
		final CliRun trained = CliRun.of("train", "--input", TestImages.sample("cell.tif").toString(),
			"--model", model.toString(), "--tile-size", "8", "--latent-dim", "3", "--epochs", "1",
			"--steps-per-epoch", "5", "--batch-size", "16");
		assertEquals(0, trained.code, trained.err);
		// a copy with the pixel size of the original (0.107 um), which cell.tif does not carry
		final ImagePlus calibrated = IJ.openImage(TestImages.sample("cell.tif").toString());
		calibrated.getCalibration().pixelWidth = 0.107;
		calibrated.getCalibration().pixelHeight = 0.107;
		calibrated.getCalibration().setUnit("micron");
		final Path tiff = TestImages.save(calibrated, dir.resolve("cell.tif"));
		pixelSize = IJ.openImage(tiff.toString()).getCalibration().pixelWidth; // as TIFF keeps it
		input = dir.resolve("cell.zarr");
		final CliRun converted = CliRun.of("convert", "--input", tiff.toString(), "--output", input
			.toString(), "--chunk", "128", "--compression", "zlib:6");
		assertEquals(0, converted.code, converted.err);
	}

	private static float[] read(final Path group) {
		final ChunkedArray a = OmeZarr.open(group).array();
		final long[] shape = a.shape();
		final int[] size = new int[shape.length];
		for (int d = 0; d < shape.length; d++)
			size[d] = (int) shape[d];
		return a.read(new long[shape.length], size);
	}

	private static CliRun novelty(final Path in, final Path out, final String... more) {
		final List<String> args = new ArrayList<>(List.of("novelty", "--model", model.toString(),
			"--input", in.toString(), "--output", out.toString()));
		args.addAll(List.of(more));
		return CliRun.of(args.toArray(new String[0]));
	}

	@Test
	void convertKeepsThePixels() {
		final ChunkedArray a = OmeZarr.open(input).array();
		assertArrayEquals(new long[] { 660, 550 }, a.shape()); // y, x
		assertArrayEquals(new int[] { 128, 128 }, a.chunkShape());
		final ImagePlus cell = IJ.openImage(TestImages.sample("cell.tif").toString());
		final float[] pixels = (float[]) cell.getProcessor().convertToFloatProcessor().getPixels();
		assertArrayEquals(pixels, read(input));
		assertEquals(0.107, pixelSize, 1e-6);
		final AxisScale size = new AxisScale(pixelSize, "micrometer");
		assertEquals(Map.of("y", size, "x", size), OmeZarr.open(input).calibration());
	}

	@Test
	void partitionsOfAJobArrayMakeTheWholeMap() {
		final Path whole = dir.resolve("whole.zarr"), parts = dir.resolve("parts.zarr");
		final CliRun one = novelty(input, whole, "--chunk", "256");
		assertEquals(0, one.code, one.err);
		assertTrue(one.err.contains("wrote 9 chunk(s) to " + whole), one.err);
		for (final String part : new String[] { "2/3", "1/3", "3/3", "2/3" }) {
			final CliRun r = novelty(input, parts, "--chunk", "256", "--partition", part);
			assertEquals(0, r.code, r.err);
		}
		assertArrayEquals(read(whole), read(parts));
		assertEquals(OmeZarr.open(input).calibration(), OmeZarr.open(whole).calibration(),
			"a map has its image's pixel size");
		final CliRun fromTiff = novelty(TestImages.sample("cell.tif"), dir.resolve("tiff.zarr"),
			"--chunk", "256", "--mask-output", dir.resolve("mask.zarr").toString());
		assertEquals(0, fromTiff.code, fromTiff.err);
		assertArrayEquals(read(whole), read(dir.resolve("tiff.zarr")));
		assertTrue(Files.isDirectory(dir.resolve("mask.zarr/0")));
	}

	@Test
	void aChunkedImageIsSegmentedWithClassesFittedToASample() {
		final Path labels = dir.resolve("labels.zarr"), centres = dir.resolve("centres.json");
		final CliRun fitted = CliRun.of("segment", "--model", model.toString(), "--input", input
			.toString(), "--output", labels.toString(), "--classes", "2", "--write-centres", centres
				.toString());
		assertEquals(0, fitted.code, fitted.err);
		final CliRun reused = CliRun.of("segment", "--model", model.toString(), "--input", input
			.toString(), "--output", dir.resolve("again.zarr").toString(), "--centres", centres.toString());
		assertEquals(0, reused.code, reused.err);
		final float[] first = read(labels);
		assertArrayEquals(first, read(dir.resolve("again.zarr")));
		for (final float v : first)
			assertTrue(v == 1 || v == 2, "label " + v);
	}

	@Test
	void badZarrUseFailsWithOneLine() {
		final CliRun tiffOut = novelty(input, dir.resolve("out.tif"));
		assertEquals(2, tiffOut.code);
		assertTrue(tiffOut.err.startsWith("error: --output '") && tiffOut.err.contains(
			"does not end in .zarr"), tiffOut.err);
		final CliRun part = novelty(input, dir.resolve("p.zarr"), "--partition", "3");
		assertEquals(2, part.code);
		assertTrue(part.err.startsWith("error: --partition '3' is not i/N"), part.err);
		final CliRun mask = novelty(input, dir.resolve("m.zarr"), "--mask-output", dir.resolve("m.tif")
			.toString());
		assertEquals(2, mask.code);
		assertTrue(mask.err.startsWith("error: --mask-output '") && mask.err.contains("end in .zarr"),
			mask.err);
		final CliRun codec = novelty(input, dir.resolve("c.zarr"), "--compression", "lzma");
		assertEquals(2, codec.code);
		assertTrue(codec.err.startsWith("error: ") && codec.err.trim().split("\n").length == 1,
			codec.err);
		final CliRun overview = CliRun.of("overview", "--model", model.toString(), "--input", input
			.toString(), "--output", dir.resolve("o.zarr").toString());
		assertEquals(2, overview.code);
		assertTrue(overview.err.startsWith("error: overview reads and writes TIFF only"), overview.err);
		final CliRun again = CliRun.of("convert", "--input", TestImages.sample("cell.tif").toString(),
			"--output", input.toString());
		assertEquals(2, again.code);
		assertTrue(again.err.startsWith("error: output '") && again.err.contains("exists"), again.err);
	}
}
