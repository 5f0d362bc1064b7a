package org.vaetexture.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Roi;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.ModuleService;
import org.vaetexture.TestImages;

/** The Fiji commands run through SciJava's CommandService in a real Context. */
class CommandsTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static CommandService commands;
	private static File model;

	@BeforeAll
	static void trainOnce() throws Exception {
		context = new Context(CommandService.class, ModuleService.class, StatusService.class,
			LogService.class);
		commands = context.service(CommandService.class);
		model = dir.resolve("gravel.zip").toFile();
		final ImagePlus gravel = IJ.openImage(TestImages.sample("gravel.tif").toString());
		gravel.setRoi(new Roi(0, 0, 200, 200));
		final CommandModule module = commands.run(TrainVaeCommand.class, true, "image", gravel, "model",
			model, "tile_size", 16, "latent_dim", 4, "beta", 0.1, "epochs", 1, "seed", 2L).get();
		assertFalse(module.isCanceled(), module.getCancelReason());
		assertEquals(model.getAbsolutePath(), module.getOutput("model_path"));
		final ImagePlus curve = (ImagePlus) module.getOutput("loss_curve");
		assertTrue(curve.getWidth() > 100 && curve.getHeight() > 100);
		final String[] history = ((String) module.getOutput("history")).split("\n");
		assertEquals(2, history.length, "header and one epoch");
		assertTrue(history[1].startsWith("1\t"), history[1]);
	}

	@AfterAll
	static void close() {
		context.dispose();
	}

	@Test
	void everyCommandIsListedUnderPluginsVaeTexture() {
		final Set<String> menus = new TreeSet<>();
		for (final CommandInfo info : commands.getCommands())
			if (info.getMenuPath() != null && info.getMenuPath().size() == 3 && info.getMenuPath().get(0)
				.getName().equals("Plugins") && info.getMenuPath().get(1).getName().equals("VAE Texture"))
				menus.add(info.getMenuPath().getLeaf().getName());
		assertEquals(Set.of("Train VAE", "Extract Texture Tiles", "Latent Feature Maps",
			"Novelty Heatmap", "Reconstruct", "Generate Tiles", "Latent Traversal", "Latent Map Overview",
			"Segment Textures", "Reconstruct Tiles"), menus);
	}

	@Test
	@SuppressWarnings("unchecked")
	void mapsAreImgLib2FloatImagesOfTheImageSize() throws Exception {
		final ImagePlus brick = IJ.openImage(TestImages.sample("brick.tif").toString());
		final CommandModule features = commands.run(LatentFeatureMapsCommand.class, true, "image",
			brick, "model", model).get();
		assertArrayEquals(new long[] { 512, 512, 4 }, ((Img<FloatType>) features.getOutput("features"))
			.dimensionsAsLongArray());
		final CommandModule novelty = commands.run(NoveltyHeatmapCommand.class, true, "image", brick,
			"model", model).get();
		final Img<FloatType> heat = (Img<FloatType>) novelty.getOutput("novelty");
		assertArrayEquals(new long[] { 512, 512 }, heat.dimensionsAsLongArray());
		for (final FloatType v : (Img<FloatType>) novelty.getOutput("novelty_mask"))
			assertTrue(v.get() == 0 || v.get() == 1);
		assertNull(novelty.getOutput("novelty_terms"), "parts only when asked to explain");
		final CommandModule explained = commands.run(NoveltyHeatmapCommand.class, true, "image", brick,
			"model", model, "explain", true).get();
		assertArrayEquals(new long[] { 512, 512, 5 }, ((Img<FloatType>) explained.getOutput(
			"novelty_terms")).dimensionsAsLongArray(), "code, energy, roughness, shape, orientation");
		final CommandModule recon = commands.run(ReconstructCommand.class, true, "image", brick,
			"model", model).get();
		assertArrayEquals(new long[] { 512, 512 }, ((Img<FloatType>) recon.getOutput("reconstruction"))
			.dimensionsAsLongArray());
	}

	@Test
	@SuppressWarnings("unchecked")
	void tilesAreExtractedAndGenerated() throws Exception {
		final ImagePlus gravel = IJ.openImage(TestImages.sample("gravel.tif").toString());
		final Img<FloatType> grid = (Img<FloatType>) commands.run(ExtractTextureTilesCommand.class,
			true, "image", gravel, "tile_size", 32).get().getOutput("tiles");
		assertArrayEquals(new long[] { 32, 32, 256 }, grid.dimensionsAsLongArray());
		assertEquals(gravel.getProcessor().getf(32, 0), grid.getAt(0, 0, 1).get());
		gravel.setRoi(new Roi(0, 0, 64, 64));
		final Img<FloatType> inRoi = (Img<FloatType>) commands.run(ExtractTextureTilesCommand.class,
			true, "image", gravel, "tile_size", 32).get().getOutput("tiles");
		assertArrayEquals(new long[] { 32, 32, 4 }, inRoi.dimensionsAsLongArray());
		final Img<FloatType> random = (Img<FloatType>) commands.run(ExtractTextureTilesCommand.class,
			true, "image", gravel, "tile_size", 16, "random_count", 10).get().getOutput("tiles");
		assertArrayEquals(new long[] { 16, 16, 10 }, random.dimensionsAsLongArray());
		final Img<FloatType> generated = (Img<FloatType>) commands.run(GenerateTilesCommand.class, true,
			"model", model, "count", 5, "seed", 3L).get().getOutput("generated");
		assertArrayEquals(new long[] { 16, 16, 5 }, generated.dimensionsAsLongArray());
		final Img<FloatType> again = (Img<FloatType>) commands.run(GenerateTilesCommand.class, true,
			"model", model, "count", 5, "seed", 3L).get().getOutput("generated");
		assertEquals(generated.getAt(3, 4, 2).get(), again.getAt(3, 4, 2).get(), "seeded");
	}

	@Test
	@SuppressWarnings("unchecked")
	void textureAnalysisCommands() throws Exception {
		final ImagePlus brick = IJ.openImage(TestImages.sample("brick.tif").toString());
		final Img<FloatType> traversal = (Img<FloatType>) commands.run(LatentTraversalCommand.class,
			true, "model", model, "steps", 3).get().getOutput("traversal");
		assertArrayEquals(new long[] { 3 * 16, 4 * 16 }, traversal.dimensionsAsLongArray());
		final Img<ARGBType> overview = (Img<ARGBType>) commands.run(LatentMapOverviewCommand.class,
			true, "image", brick, "model", model).get().getOutput("overview");
		assertArrayEquals(new long[] { 512, 512 }, overview.dimensionsAsLongArray());
		final Img<FloatType> pairs = (Img<FloatType>) commands.run(ReconstructTilesCommand.class,
			true, "image", brick, "model", model, "count", 3).get().getOutput("tile_pairs");
		assertArrayEquals(new long[] { 2 * 16, 3 * 16 }, pairs.dimensionsAsLongArray());
		final File centres = dir.resolve("centres.json").toFile();
		final Img<UnsignedByteType> labels = (Img<UnsignedByteType>) commands.run(
			SegmentTexturesCommand.class, true, "image", brick, "model", model, "classes", 2,
			"write_centres", centres).get().getOutput("labels");
		assertArrayEquals(new long[] { 512, 512 }, labels.dimensionsAsLongArray());
		for (final UnsignedByteType v : labels)
			assertTrue(v.get() == 1 || v.get() == 2);
		final CommandModule bad = commands.run(SegmentTexturesCommand.class, true, "image", brick,
			"model", model, "classes", 1).get();
		assertTrue(bad.isCanceled());
		assertEquals("classes must be from 2 to 255, got 1", bad.getCancelReason());
		// a centres file that cannot be written is refused before the fit, not after it
		final File nowhere = dir.resolve("missing").resolve("centres.json").toFile();
		final CommandModule unwritable = commands.run(SegmentTexturesCommand.class, true, "image",
			brick, "model", model, "classes", 2, "write_centres", nowhere).get();
		assertTrue(unwritable.isCanceled());
		assertTrue(unwritable.getCancelReason().startsWith("cannot write write_centres '") && unwritable
			.getCancelReason().contains("does not exist"), unwritable.getCancelReason());
		assertNull(unwritable.getOutput("labels"));
		final Img<UnsignedByteType> reused = (Img<UnsignedByteType>) commands.run(
			SegmentTexturesCommand.class, true, "image", brick, "model", model, "reuse_centres", centres)
			.get().getOutput("labels");
		final var a = labels.cursor();
		final var b = reused.cursor();
		while (a.hasNext())
			assertEquals(a.next().get(), b.next().get());
	}

	@Test
	void badInputCancelsWithItsMessageAndNoOutput() throws Exception {
		final ImagePlus rgb = IJ.openImage(TestImages.sample("ihc.tif").toString());
		final CommandModule module = commands.run(NoveltyHeatmapCommand.class, true, "image", rgb,
			"model", model).get();
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("has 3 channel(s)"), module.getCancelReason());
		assertNull(module.getOutput("novelty"));
	}
}
