package org.vaetexture.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.Priority;
import org.scijava.app.DefaultStatusService;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.plugin.PluginIndex;
import org.scijava.plugin.PluginInfo;
import org.scijava.service.Service;
import org.vaetexture.TestImages;
import org.vaetexture.model.ModelFile;

/**
 * The Fiji commands under bad input, cancel and concurrency, through SciJava's CommandService: a
 * failure cancels the command with one line and no output; a cancelled map stops within a block
 * and the next run gives the same result as before; commands run at once give exactly what they
 * give one after the other; nothing that changes results is remembered between runs.
 */
class CommandsReliabilityTest {

	@TempDir
	static Path dir;

	private static Context context;
	private static CommandService commands;
	private static ModuleService modules;
	private static File model;
	private static ImagePlus gravel;

	@BeforeAll
	static void trainOnce() throws Exception {
		final PluginIndex plugins = new PluginIndex();
		plugins.discover();
		final PluginInfo<Service> status = new PluginInfo<>(ProgressHook.class, Service.class);
		status.setPriority(Priority.HIGH);
		plugins.add(status);
		context = new Context(List.of(CommandService.class, ModuleService.class, StatusService.class,
			LogService.class), plugins);
		assertTrue(context.service(StatusService.class) instanceof ProgressHook);
		commands = context.service(CommandService.class);
		modules = context.service(ModuleService.class);
		gravel = crop(IJ.openImage(TestImages.sample("gravel.tif").toString()), 96);
		model = dir.resolve("gravel.zip").toFile();
		final CommandModule m = train(model, 1L).get();
		assertFalse(m.isCanceled(), m.getCancelReason());
	}

	@AfterAll
	static void close() {
		context.dispose();
	}

	private static Future<CommandModule> train(final File file, final long seed) {
		return commands.run(TrainVaeCommand.class, true, "image", gravel, "model", file, "tile_size",
			8, "latent_dim", 4, "epochs", 1, "seed", seed);
	}

	private static Future<CommandModule> novelty(final ImagePlus image) {
		return commands.run(NoveltyHeatmapCommand.class, true, "image", image, "model", model);
	}

	@Test
	void badInputCancelsEachCommandWithOneLineAndNoOutput() throws Exception {
		final ImagePlus one = TestImages.noise(1, 1, 1);
		final ImagePlus nan = TestImages.noise(30, 30, 1);
		nan.getProcessor().putPixelValue(2, 3, Float.NaN);
		final ImagePlus rgb = IJ.openImage(TestImages.sample("ihc.tif").toString());
		final ImagePlus brick = IJ.openImage(TestImages.sample("brick.tif").toString());
		final File underAFile = new File(model, "m.zip");
		assertFails(NoveltyHeatmapCommand.class, "'model' is required but unset", "image", gravel);
		assertFails(NoveltyHeatmapCommand.class, "is a folder, not a file", "image", gravel, "model",
			dir.toFile());
		assertFails(NoveltyHeatmapCommand.class, "is 1 x 1 pixels, smaller than the tile size 8",
			"image", one, "model", model);
		assertFails(LatentFeatureMapsCommand.class, "has 2 channel(s) but the model was trained on 1",
			"image", TestImages.stackOfChannels(20, 20, 2, 1), "model", model);
		assertFails(ReconstructCommand.class, "has 3 channel(s) but the model was trained on 1",
			"image", rgb, "model", model);
		assertFails(LatentFeatureMapsCommand.class, "NaN or infinite pixel at x=2, y=3", "image", nan,
			"model", model);
		assertFails(GenerateTilesCommand.class, "tile count must be from 1", "model", model, "count", 0);
		assertFails(ExtractTextureTilesCommand.class, "tile size must be an even number", "image",
			gravel, "tile_size", 0);
		assertFails(ExtractTextureTilesCommand.class, "random tile count must be 0 (a grid) or more",
			"image", gravel, "tile_size", 8, "random_count", -3);
		assertFails(ExtractTextureTilesCommand.class, "MB allowed; ask for fewer tiles", "image",
			brick, "tile_size", 512, "random_count", 100_000);
		assertFails(TrainVaeCommand.class, "tile size must be an even number", "image", gravel,
			"model", dir.resolve("odd.zip").toFile(), "tile_size", 7);
		assertFails(TrainVaeCommand.class, "is a file, not a folder", "image", gravel, "model",
			underAFile, "tile_size", 8);
		assertFails(TrainVaeCommand.class, "'model' is required but unset", "image", gravel, "tile_size", 8);
		assertFails(TrainVaeCommand.class, "NaN or infinite pixel", "image", nan, "model", dir.resolve(
			"nan.zip").toFile(), "tile_size", 8, "epochs", 1);
		assertFalse(dir.resolve("odd.zip").toFile().exists() || dir.resolve("nan.zip").toFile()
			.exists());
	}

	private static void assertFails(final Class<? extends Command> command, final String part,
		final Object... inputs) throws Exception
	{
		final String[] before = dir.toFile().list();
		final CommandModule m = commands.run(command, true, inputs).get();
		assertTrue(m.isCanceled(), command.getSimpleName() + " should fail with: " + part);
		assertTrue(m.getCancelReason().contains(part) && !m.getCancelReason().contains("\n"), m
			.getCancelReason());
		for (final ModuleItem<?> out : m.getInfo().outputs())
			assertNull(m.getOutput(out.getName()), out.getName());
		assertArrayEquals(before, dir.toFile().list(), "nothing written");
	}

	@Test
	void settingsThatChangeResultsAreNotRememberedBetweenRuns() throws Exception {
		for (final CommandInfo info : commands.getCommandsOfType(Command.class)) {
			if (!info.getClassName().startsWith("org.vaetexture")) continue;
			for (final ModuleItem<?> item : info.inputs()) {
				final Class<?> type = item.getType();
				if (Service.class.isAssignableFrom(type) || type == Context.class || type == ImagePlus.class)
					continue;
				assertFalse(item.isPersisted(), info.getTitle() + " remembers " + item.getName());
			}
		}
		final Img<FloatType> seed5 = generated(commands.run(GenerateTilesCommand.class, true, "model",
			model, "count", 2, "seed", 5L).get());
		final Img<FloatType> seed1 = generated(commands.run(GenerateTilesCommand.class, true, "model",
			model, "count", 2, "seed", 1L).get());
		final CommandModule noSeed = commands.run(GenerateTilesCommand.class, true, "model", model,
			"count", 2).get();
		assertArrayEquals(pixels(seed1), pixels(generated(noSeed)), "the default seed, not the last one");
		assertFalse(Arrays.equals(pixels(seed1), pixels(seed5)));
		final CommandModule noModel = commands.run(GenerateTilesCommand.class, true, "count", 2).get();
		assertTrue(noModel.isCanceled() && noModel.getCancelReason().contains("'model' is required but unset"),
			"not the last run's model");
	}

	@SuppressWarnings("unchecked")
	private static Img<FloatType> generated(final CommandModule m) {
		return (Img<FloatType>) m.getOutput("generated");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCancelledMapStopsWithinABlockAndTheNextRunIsUnchanged() throws Exception {
		final ImagePlus brick = IJ.openImage(TestImages.sample("brick.tif").toString());
		final float[] before = pixels((Img<FloatType>) novelty(brick).get().getOutput("novelty"));
		final CommandModule module = (CommandModule) modules.createModule(commands.getCommand(
			NoveltyHeatmapCommand.class));
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("image", brick);
		inputs.put("model", model);
		final List<Integer> progress = runCancellingAtProgress(module, inputs);
		assertTrue(module.isCanceled());
		assertEquals("stopped by the user", module.getCancelReason());
		assertNull(module.getOutput("novelty"));
		assertNull(module.getOutput("novelty_mask"));
		// 512 x 512 is 4 blocks, one per worker at a time: a cancel after the first lets only the
		// blocks under way on the other workers finish
		assertEquals(250, progress.get(0));
		assertTrue(progress.size() <= Math.min(4, Runtime.getRuntime().availableProcessors()), "" +
			progress);
		assertArrayEquals(before, pixels((Img<FloatType>) novelty(brick).get().getOutput("novelty")),
			"the next run is unchanged");
	}

	@Test
	void aCancelledTrainingStopsAfterItsStepAndWritesNoModel() throws Exception {
		final File target = dir.resolve("cancelled.zip").toFile();
		final CommandModule module = (CommandModule) modules.createModule(commands.getCommand(
			TrainVaeCommand.class));
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("image", gravel);
		inputs.put("model", target);
		inputs.put("tile_size", 8);
		inputs.put("epochs", 1);
		final List<Integer> progress = runCancellingAtProgress(module, inputs);
		assertTrue(module.isCanceled());
		assertEquals(1, progress.size(), "one step of 64, then cancel");
		assertNull(module.getOutput("model_path"));
		assertFalse(target.exists(), "no model written");
		assertEquals(0, dir.toFile().list((d, n) -> n.startsWith(".")).length, "no temporary file");
		final CommandModule next = train(target, 1L).get();
		assertFalse(next.isCanceled(), next.getCancelReason());
		assertSameWeights(model, target);
	}

	/** Esc in ImageJ's window stops a command as a cancel does; an Esc from before does not. */
	@Test
	void escStopsTrainingAfterItsStep() throws Exception {
		final File target = dir.resolve("escaped.zip").toFile();
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("image", gravel);
		inputs.put("model", target);
		inputs.put("tile_size", 8);
		inputs.put("epochs", 1);
		final List<Integer> progress = new ArrayList<>();
		ProgressHook.onProgress = p -> {
			progress.add(p);
			IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE);
		};
		final CommandModule module = (CommandModule) modules.createModule(commands.getCommand(
			TrainVaeCommand.class));
		try {
			IJ.setKeyDown(java.awt.event.KeyEvent.VK_ESCAPE); // pressed before the command started
			modules.run(module, true, inputs).get();
		}
		finally {
			ProgressHook.onProgress = null;
			IJ.resetEscape();
		}
		assertTrue(module.isCanceled());
		assertEquals(VaeCommand.CANCELLED_BY_ESC, module.getCancelReason());
		assertEquals(1, progress.size(), "one step of 64, then Esc");
		assertFalse(target.exists(), "no model written");
	}

	/**
	 * Runs the command, cancelling it ("stopped by the user") at every progress report it makes.
	 *
	 * @return the progress reports (thousandths) it made
	 */
	private List<Integer> runCancellingAtProgress(final CommandModule module,
		final Map<String, Object> inputs) throws Exception
	{
		final List<Integer> progress = new ArrayList<>();
		ProgressHook.onProgress = p -> {
			progress.add(p);
			module.cancel("stopped by the user");
		};
		try {
			modules.run(module, true, inputs).get();
		}
		finally {
			ProgressHook.onProgress = null;
		}
		return progress;
	}

	/**
	 * Fiji's status service, which also hands each progress report (in thousandths) to a hook on
	 * the command's own thread: a cancel from there lands at a known point of the work.
	 */
	public static final class ProgressHook extends DefaultStatusService {

		static volatile IntConsumer onProgress;

		@Override
		public void showStatus(final int progress, final int maximum, final String message) {
			super.showStatus(progress, maximum, message);
			final IntConsumer hook = onProgress;
			if (hook != null && progress > 0) hook.accept(progress);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void trainingAndMapsAtOnceGiveExactlyWhatTheyGiveOneAfterTheOther() throws Exception {
		final ImagePlus brick = IJ.openImage(TestImages.sample("brick.tif").toString());
		final File a = dir.resolve("a.zip").toFile(), b = dir.resolve("b.zip").toFile();
		train(a, 3L).get();
		train(b, 4L).get();
		final float[] map = pixels((Img<FloatType>) novelty(brick).get().getOutput("novelty"));
		final File a2 = dir.resolve("a2.zip").toFile(), b2 = dir.resolve("b2.zip").toFile();
		final Future<CommandModule> ta = train(a2, 3L), tb = train(b2, 4L), n = novelty(brick);
		assertArrayEquals(map, pixels((Img<FloatType>) n.get().getOutput("novelty")));
		assertFalse(ta.get().isCanceled() || tb.get().isCanceled());
		assertSameWeights(a, a2);
		assertSameWeights(b, b2);
		assertFalse(Arrays.equals(ModelFile.load(a.toPath()).network().weights().get("mu_w"), ModelFile
			.load(b.toPath()).network().weights().get("mu_w")), "seeds 3 and 4 differ");
	}

	private static void assertSameWeights(final File x, final File y) {
		final Map<String, float[]> wx = ModelFile.load(x.toPath()).network().weights();
		final Map<String, float[]> wy = ModelFile.load(y.toPath()).network().weights();
		assertEquals(wx.keySet(), wy.keySet());
		for (final String name : wx.keySet())
			assertArrayEquals(wx.get(name), wy.get(name), name + " of " + x + " and " + y);
		assertArrayEquals(ModelFile.load(x.toPath()).novelty().whitening(), ModelFile.load(y.toPath())
			.novelty().whitening());
	}

	private static float[] pixels(final Img<FloatType> img) {
		final float[] v = new float[(int) Views.flatIterable(img).size()];
		int i = 0;
		for (final FloatType t : Views.flatIterable(img))
			v[i++] = t.get();
		return v;
	}

	private static ImagePlus crop(final ImagePlus imp, final int size) {
		final ImageStack stack = new ImageStack(size, size);
		imp.getProcessor().setRoi(0, 0, size, size);
		stack.addSlice(imp.getProcessor().crop());
		return new ImagePlus(imp.getTitle(), stack);
	}
}
