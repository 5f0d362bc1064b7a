package org.vaetexture.chunked;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaetexture.TestImages;
import org.vaetexture.TinyModels;
import org.vaetexture.api.Monitor;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;
import org.vaetexture.novelty.NoveltyCalibration;
import org.vaetexture.segment.SegmentationOptions;
import org.vaetexture.segment.TextureClasses;
import org.vaetexture.store.DataType;
import org.vaetexture.store.OmeZarr;
import org.vaetexture.store.ZarrCodec;
import org.vaetexture.train.Trainer;
import org.vaetexture.train.TrainingListener;
import org.vaetexture.train.TrainingOptions;

/**
 * Maps from OME-Zarr to OME-Zarr, chunk by chunk, against the map of the whole image in memory:
 * equal bit for bit, edge chunks included, however the chunks are shared out.
 */
class ChunkedMapJobTest {

	/** cell.tif, 550 x 660: chunks of 256 leave edge chunks of 38 and 148 pixels. */
	private static TextureImage cell;
	private static VaeModel model;
	@TempDir
	static Path dir;
	private static Path input;

	@BeforeAll
	static void setUp() {
		cell = TestImages.open("cell.tif");
		model = NoveltyCalibration.calibrate(TinyModels.train(cell, 4), List.of(cell), 0.05, f -> {},
			() -> false);
		input = ZarrImages.write(cell, dir.resolve("cell.zarr"), 100);
	}

	private static float[] chunked(final ChunkedMap what, final String name) {
		final Path out = dir.resolve(name);
		final ChunkedMapJob job = VaeTexture.mapJob(model, input, out, what, 256, "blosc-lz4");
		assertEquals(job.tasks().size(), job.run(job.tasks(), 2, f -> {}, () -> false));
		return ZarrImages.read(out);
	}

	@Test
	void everyMapEqualsTheWholeImageMapBitForBit() {
		assertArrayEquals(ZarrImages.values(VaeTexture.novelty(model, cell, Monitor.NONE)), chunked(
			ChunkedMap.novelty(), "novelty.zarr"));
		assertArrayEquals(ZarrImages.values(VaeTexture.kl(model, cell, Monitor.NONE)), chunked(
			ChunkedMap.kl(), "kl.zarr"));
		final Img<FloatType> novelty = VaeTexture.novelty(model, cell, Monitor.NONE);
		assertArrayEquals(ZarrImages.values(VaeTexture.noveltyMask(model, novelty)), chunked(ChunkedMap
			.noveltyMask(), "mask.zarr"));
		assertArrayEquals(ZarrImages.values(VaeTexture.noveltyTerms(model, cell, Monitor.NONE)), chunked(
			ChunkedMap.noveltyTerms(), "terms.zarr"));
		final TextureClasses classes = VaeTexture.fitClasses(model, cell, SegmentationOptions.defaults()
			.withClasses(2), Monitor.NONE);
		assertArrayEquals(ZarrImages.values(VaeTexture.segment(model, cell, classes, Monitor.NONE)),
			chunked(ChunkedMap.labels(classes), "labels.zarr"));
	}

	@Test
	void featuresKeepTheirChannels() {
		final float[] whole = ZarrImages.values(VaeTexture.features(model, cell, Monitor.NONE));
		assertArrayEquals(whole, chunked(ChunkedMap.features(), "features.zarr"));
		assertEquals(4L * 660 * 550, whole.length);
	}

	/**
	 * A model whose encoder head runs as Winograd row segments (tile 16): those read columns beyond
	 * their windows, which a chunk must read too.
	 */
	@Test
	void aWinogradHeadModelMapsExactlyToo() {
		final VaeModel trained = new Trainer(VaeConfig.builder().tileSize(16).latentDim(4).filters1(6)
			.filters2(8).build(), TrainingOptions.builder().epochs(1).stepsPerEpoch(10).batchSize(32)
				.validationTiles(64).seed(2).build()).train(List.of(cell), TrainingListener.NONE, () -> false);
		final VaeModel wide = NoveltyCalibration.calibrate(trained, List.of(cell), 0.05, f -> {},
			() -> false);
		for (final ChunkedMap what : new ChunkedMap[] { ChunkedMap.features(), ChunkedMap.novelty() }) {
			final Path out = dir.resolve("wide-" + what.name() + ".zarr");
			final ChunkedMapJob job = VaeTexture.mapJob(wide, input, out, what, 256, "blosc-lz4");
			job.run(job.tasks(), 2, f -> {}, () -> false);
			assertArrayEquals(ZarrImages.values(what.name().equals("features") ? VaeTexture.features(wide,
				cell, Monitor.NONE) : VaeTexture.novelty(wide, cell, Monitor.NONE)), ZarrImages.read(out),
				what.name());
		}
	}

	@Test
	void cancelStopsBetweenChunksAndARerunFinishes() {
		final Path out = dir.resolve("cancelled.zarr");
		final ChunkedMapJob job = VaeTexture.mapJob(model, input, out, ChunkedMap.kl(), 256, "raw");
		final int[] asked = { 0 };
		assertThrows(CancellationException.class, () -> job.run(job.tasks(), 1, f -> {}, () -> ++asked[0]
			> 3));
		final long written = job.tasks().stream().filter(job::isWritten).count();
		assertEquals(3, written);
		assertEquals(6, job.run(job.tasks(), 2, f -> {}, () -> false));
		assertArrayEquals(ZarrImages.values(VaeTexture.kl(model, cell, Monitor.NONE)), ZarrImages.read(
			out));
	}

	@Test
	void planesAreMappedOneByOne() throws IOException {
		// plane 2: the cell mirrored left to right
		final Img<FloatType> planes = ArrayImgs.floats(cell.width(), cell.height(), 1, 2);
		final RandomAccess<? extends RealType<?>> source = cell.data().randomAccess();
		final RandomAccess<FloatType> target = planes.randomAccess();
		for (int p = 0; p < 2; p++)
			for (int y = 0; y < cell.height(); y++)
				for (int x = 0; x < cell.width(); x++) {
					source.setPosition(new long[] { p == 0 ? x : cell.width() - 1 - x, y, 0, 0 });
					target.setPosition(new long[] { x, y, 0, p });
					target.get().set(source.get().getRealFloat());
				}
		final TextureImage stack = new TextureImage("stack", planes, null);
		final Path in = ZarrImages.write(stack, dir.resolve("stack.zarr"), 128);
		final Path out = dir.resolve("stack-novelty.zarr");
		final ChunkedMapJob job = VaeTexture.mapJob(model, in, out, ChunkedMap.novelty(), 512, "zlib");
		job.run(job.tasks(), 2, f -> {}, () -> false);
		assertArrayEquals(ZarrImages.values(VaeTexture.novelty(model, stack, Monitor.NONE)), ZarrImages
			.read(out));
	}

	/** An RGB image: OME-Zarr's c axis is the model's channels. */
	@Test
	void channelsAreTheModelsChannels() {
		final TextureImage ihc = TestImages.open("ihc.tif");
		final VaeModel rgb = TinyModels.train(ihc, 3);
		final Path in = ZarrImages.write(ihc, dir.resolve("ihc.zarr"), 200);
		assertEquals(List.of("c", "y", "x"), OmeZarr.open(in).axes());
		final Path out = dir.resolve("ihc-kl.zarr");
		final ChunkedMapJob job = VaeTexture.mapJob(rgb, in, out, ChunkedMap.kl(), 256, "zlib");
		job.run(job.tasks(), 2, f -> {}, () -> false);
		assertArrayEquals(ZarrImages.values(VaeTexture.kl(rgb, ihc, Monitor.NONE)), ZarrImages.read(out));
	}

	@Test
	void partitionsTogetherWriteTheWholeMap() {
		final Path out = dir.resolve("parts.zarr");
		final List<ChunkTask> seen = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			final ChunkedMapJob job = VaeTexture.mapJob(model, input, out, ChunkedMap.novelty(), 256,
				"blosc-zstd");
			final List<ChunkTask> part = ChunkedMapJob.partition(job.tasks(), i, 4);
			assertFalse(part.isEmpty());
			assertEquals(part.size(), job.run(part, 1, f -> {}, () -> false));
			seen.addAll(part);
		}
		assertEquals(9, seen.size());
		assertArrayEquals(chunked(ChunkedMap.novelty(), "whole.zarr"), ZarrImages.read(out));
		assertMessage("partition 5/4 does not exist", () -> ChunkedMapJob.partition(seen, 5, 4));
	}

	@Test
	void aRestartWritesExactlyTheMissingChunks() throws IOException {
		final Path out = dir.resolve("restart.zarr");
		final float[] first = chunked(ChunkedMap.novelty(), "restart.zarr");
		final Path kept = out.resolve("0/0.0"), lost = out.resolve("0/1.2"), lost2 = out.resolve("0/2.0");
		final FileTime keptTime = FileTime.fromMillis(1000);
		Files.setLastModifiedTime(kept, keptTime);
		Files.delete(lost);
		Files.delete(lost2);
		final ChunkedMapJob job = VaeTexture.mapJob(model, input, out, ChunkedMap.novelty(), 256,
			"blosc-lz4");
		assertEquals(2, job.run(job.tasks(), 2, f -> {}, () -> false));
		assertTrue(Files.exists(lost) && Files.exists(lost2));
		assertEquals(keptTime, Files.getLastModifiedTime(kept));
		assertArrayEquals(first, ZarrImages.read(out));
	}

	@Test
	void anOutputOfAnotherModelOrMapIsRefused() {
		chunked(ChunkedMap.kl(), "other.zarr");
		final VaeModel other = NoveltyCalibration.calibrate(TinyModels.train(TestImages.open(
			"gravel.tif"), 4), List.of(cell), 0.05, f -> {}, () -> false);
		assertMessage("was written with model", () -> VaeTexture.mapJob(other, input, dir.resolve(
			"other.zarr"), ChunkedMap.kl(), 256, "blosc-lz4"));
		assertMessage("holds a kl map, not novelty", () -> VaeTexture.mapJob(model, input, dir.resolve(
			"other.zarr"), ChunkedMap.novelty(), 256, "blosc-lz4"));
		final TextureClasses two = VaeTexture.fitClasses(model, cell, SegmentationOptions.defaults()
			.withClasses(2).withSeed(1), Monitor.NONE), again = VaeTexture.fitClasses(model, cell,
				SegmentationOptions.defaults().withClasses(2).withSeed(2), Monitor.NONE);
		VaeTexture.mapJob(model, input, dir.resolve("classes.zarr"), ChunkedMap.labels(two), 256,
			"blosc-lz4");
		assertMessage("was labelled with other texture classes", () -> VaeTexture.mapJob(model, input,
			dir.resolve("classes.zarr"), ChunkedMap.labels(again), 256, "blosc-lz4"));
	}

	/** Another input of the same size is refused too; the same input under another spelling is not. */
	@Test
	void anOutputOfAnotherInputIsRefused() {
		final Path out = dir.resolve("from-cell.zarr");
		VaeTexture.mapJob(model, input, out, ChunkedMap.kl(), 256, "blosc-lz4");
		final Path copy = ZarrImages.write(cell, dir.resolve("cell-copy.zarr"), 100);
		assertMessage("was written from input '" + input.toAbsolutePath() + "', not '" + copy
			.toAbsolutePath() + "'; use that input", () -> VaeTexture.mapJob(model, copy, out, ChunkedMap
				.kl(), 256, "blosc-lz4"));
		VaeTexture.mapJob(model, input.getParent().resolve(".").resolve(input.getFileName()), out,
			ChunkedMap.kl(), 256, "blosc-lz4");
	}

	@Test
	void badSettingsFailWithOneLine() {
		assertMessage("not a multiple of 256", () -> VaeTexture.mapJob(model, input, dir.resolve(
			"x.zarr"), ChunkedMap.kl(), 300, "blosc-lz4"));
		assertMessage("the output is the input", () -> VaeTexture.mapJob(model, input, input,
			ChunkedMap.kl(), 256, "blosc-lz4"));
		assertMessage("the labels map needs texture classes", () -> ChunkedMap.named("labels", null));
		assertMessage("unknown map 'nov'", () -> ChunkedMap.named("nov", null));
	}

	/** The region read for a block sees the image as the mirror-extended whole image does. */
	@Test
	void aRegionIsTheMirrorExtendedImage() {
		final ChunkedImage image = ChunkedImage.open(input);
		final RandomAccessible<FloatType> region = image.plane(0, -40, 500, 120, 90);
		final RandomAccess<FloatType> a = region.randomAccess();
		final RandomAccess<? extends RealType<?>> b = Views.extendMirrorSingle(
			Views.hyperSlice(cell.data(), 3, 0)).randomAccess();
		for (int y = 500; y < 590; y++)
			for (int x = -40; x < 80; x++) {
				a.setPosition(new long[] { x, y, 0 });
				b.setPosition(new long[] { x, y, 0 });
				assertEquals(b.get().getRealFloat(), a.get().get(), "at " + x + ", " + y);
			}
		assertArrayEquals(new long[] { 0, 5 }, ChunkedImage.mirrorRange(-4, 5, 10));
		assertArrayEquals(new long[] { 7, 10 }, ChunkedImage.mirrorRange(8, 4, 10));
	}

	@Test
	void aNaNPixelIsFoundWhereItIsRead() {
		final float[] pixels = new float[40 * 30];
		pixels[7 * 40 + 33] = Float.NaN;
		final Path in = dir.resolve("nan.zarr");
		OmeZarr.create(in, "nan", List.of("y", "x"), new long[] { 30, 40 }, new int[] { 30, 40 },
			DataType.FLOAT32, ZarrCodec.raw(), Map.of()).writable().writeChunk(new long[] { 0, 0 }, pixels);
		final ChunkedMapJob job = VaeTexture.mapJob(model, in, dir.resolve("nan-out.zarr"), ChunkedMap
			.kl(), 256, "raw");
		assertMessage("has a NaN or infinite pixel at x=33, y=7", () -> job.run(job.tasks(), 1, f -> {},
			() -> false));
		assertFalse(Files.exists(dir.resolve("nan-out.zarr/0/0.0")));
	}
}
