package org.vaetexture.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import ij.IJ;
import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;
import org.vaetexture.TestImages;
import org.vaetexture.cli.Main;
import org.vaetexture.fiji.NoveltyHeatmapCommand;
import org.vaetexture.fiji.TrainVaeCommand;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.train.TrainingOptions;

/**
 * The command line, the Fiji commands and the facade are three doors to the same work: for one seed
 * they write the same model file (entry for entry, bit for bit, apart from the measured training
 * times) and the same novelty map, bit for bit.
 */
class FrontEndsAgreeTest {

	@TempDir
	Path dir;

	@Test
	void commandLineFijiAndFacadeGiveTheSameModelAndNoveltyMap() throws Exception {
		final Path gravel = crop("gravel.tif"), brick = crop("brick.tif");
		final Path cliModel = dir.resolve("cli.zip"), fijiModel = dir.resolve("fiji.zip"),
				facadeModel = dir.resolve("facade.zip"), cliMap = dir.resolve("cli-novelty.tif");

		cli("train", "--input", gravel.toString(), "--model", cliModel.toString(), "--tile-size", "8",
			"--latent-dim", "4", "--epochs", "1", "--seed", "3");
		cli("novelty", "--model", cliModel.toString(), "--input", brick.toString(), "--output", cliMap
			.toString());

		final TextureImage normal = VaeTexture.open(gravel);
		VaeTexture.save(VaeTexture.train(List.of(normal), VaeConfig.builder().tileSize(8).latentDim(4),
			TrainingOptions.builder().epochs(1).seed(3).build(), Monitor.NONE), facadeModel);
		final Img<FloatType> facadeMap = VaeTexture.novelty(VaeTexture.load(facadeModel), VaeTexture
			.open(brick), Monitor.NONE);

		final Img<FloatType> fijiMap;
		final Context context = new Context(CommandService.class, ModuleService.class,
			StatusService.class, LogService.class);
		try {
			final CommandService commands = context.service(CommandService.class);
			final CommandModule trained = commands.run(TrainVaeCommand.class, true, "image", IJ.openImage(
				gravel.toString()), "model", fijiModel.toFile(), "tile_size", 8, "latent_dim", 4, "epochs",
				1, "seed", 3L).get();
			assertFalse(trained.isCanceled(), trained.getCancelReason());
			final CommandModule mapped = commands.run(NoveltyHeatmapCommand.class, true, "image", IJ
				.openImage(brick.toString()), "model", fijiModel.toFile()).get();
			assertFalse(mapped.isCanceled(), mapped.getCancelReason());
			@SuppressWarnings("unchecked")
			final Img<FloatType> map = (Img<FloatType>) mapped.getOutput("novelty");
			fijiMap = map;
		}
		finally {
			context.dispose();
		}

		final Map<String, byte[]> cli = entries(cliModel);
		assertSameModel(cli, entries(facadeModel));
		assertSameModel(cli, entries(fijiModel));
		final float[] expected = (float[]) IJ.openImage(cliMap.toString()).getProcessor().getPixels();
		assertArrayEquals(expected, values(facadeMap));
		assertArrayEquals(expected, values(fijiMap));
	}

	/** A 128 x 128 crop of a sample texture, as a TIFF file. */
	private Path crop(final String sample) {
		final ImagePlus imp = IJ.openImage(TestImages.sample(sample).toString());
		imp.setRoi(0, 0, 128, 128);
		final ImagePlus crop = imp.crop();
		crop.setTitle(sample);
		return TestImages.save(crop, dir.resolve(sample));
	}

	private static void cli(final String... args) {
		final ByteArrayOutputStream err = new ByteArrayOutputStream();
		final int code = Main.run(new PrintStream(java.io.OutputStream.nullOutputStream()), new PrintStream(err, true),
			args);
		assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
	}

	private static void assertSameModel(final Map<String, byte[]> a, final Map<String, byte[]> b) {
		assertEquals(a.keySet(), b.keySet());
		for (final String name : a.keySet())
			if (name.endsWith(".json")) assertEquals(withoutTimes(a.get(name)), withoutTimes(b.get(name)),
				name);
			else assertArrayEquals(a.get(name), b.get(name), name);
	}

	private static String withoutTimes(final byte[] json) {
		return new String(json, StandardCharsets.UTF_8).replaceAll("\"seconds\": [0-9.eE+-]+", "");
	}

	private static Map<String, byte[]> entries(final Path zipFile) throws IOException {
		final Map<String, byte[]> entries = new TreeMap<>();
		try (ZipFile zip = new ZipFile(zipFile.toFile())) {
			for (final ZipEntry e : Collections.list(zip.entries()))
				entries.put(e.getName(), zip.getInputStream(e).readAllBytes());
		}
		return entries;
	}

	private static float[] values(final Img<FloatType> img) {
		final float[] v = new float[(int) img.size()];
		int i = 0;
		for (final FloatType t : img)
			v[i++] = t.get();
		return v;
	}
}
