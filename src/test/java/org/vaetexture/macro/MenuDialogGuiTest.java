package org.vaetexture.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Button;
import java.awt.EventQueue;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.TextField;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.vaetexture.TestImages;

/**
 * A user of plain ImageJ 1.x picks a VAE Texture command from the menu: a real ImageJ window on a
 * real (virtual) screen shows the command's dialog, the user changes a value and clicks OK, the
 * command runs and shows its output, and the macro recorder records the same call a macro would
 * make. Runs where there is a display (README's test command starts Xvfb); a screenshot of the
 * dialog is left in target/gui/.
 */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+")
class MenuDialogGuiTest {

	private static ImageJ imagej;

	@BeforeAll
	static void startImageJ() {
		imagej = new ImageJ();
		MacroBridge.install();
	}

	@AfterAll
	static void quit() {
		WindowManager.closeAllWindows();
		imagej.dispose();
	}

	@Test
	void aMenuCommandAsksInADialogAndIsRecordedAsAMacroCall() throws Exception {
		final ImagePlus gravel = IJ.openImage(TestImages.sample("gravel.tif").toString());
		gravel.show();
		final Recorder recorder = new Recorder();
		Recorder.record = true;
		IJ.doCommand("Extract Texture Tiles");
		final GenericDialog dialog = await(() -> {
			for (final Window w : Window.getWindows())
				if (w instanceof GenericDialog && w.isShowing() && "Extract Texture Tiles".equals(
					((GenericDialog) w).getTitle())) return (GenericDialog) w;
			return null;
		});
		final TextField tileSize = (TextField) dialog.getNumericFields().get(0);
		EventQueue.invokeAndWait(() -> tileSize.setText("16"));
		screenshot(dialog, Path.of("target/gui/extract-texture-tiles-dialog.png"));
		final Button ok = dialog.getButtons()[0];
		EventQueue.invokeAndWait(() -> dialog.actionPerformed(new ActionEvent(ok,
			ActionEvent.ACTION_PERFORMED, "OK")));
		final ImagePlus tiles = await(() -> WindowManager.getImage("tiles"));
		assertEquals(16, tiles.getWidth());
		assertEquals(16, tiles.getHeight());
		final String recorded = await(() -> recorder.getText().contains("Extract Texture Tiles")
			? recorder.getText() : null);
		assertTrue(recorded.contains(
			"run(\"Extract Texture Tiles\", \"tile_size=16 random_count=0 seed=1\");"), recorded);
		Recorder.record = false;
		recorder.close();
	}

	/** Polls for up to 60 s until {@code what} is not null. */
	private static <T> T await(final Supplier<T> what) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			final T t = what.get();
			if (t != null) return t;
			Thread.sleep(100);
		}
		final T t = what.get();
		assertNotNull(t, "waited 60 s");
		return t;
	}

	private static void screenshot(final Window window, final Path file) throws Exception {
		Files.createDirectories(file.getParent());
		final Rectangle bounds = window.getBounds();
		ImageIO.write(new Robot().createScreenCapture(bounds), "png", new File(file.toString()));
	}
}
