package org.vaetexture.fiji;

import java.io.File;

import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.model.VaeModel;

/** Plugins > VAE Texture > Novelty Heatmap: the novelty of every pixel (nats) and its mask. */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Novelty Heatmap", headless = true)
public class NoveltyHeatmapCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(type = ItemIO.OUTPUT, label = "Novelty")
	private Img<FloatType> novelty;

	@Parameter(type = ItemIO.OUTPUT, label = "Novelty mask")
	private Img<FloatType> novelty_mask;

	@Override
	public void run() {
		novelty = guarded(() -> {
			final VaeModel m = VaeTexture.load(modelFile(model));
			final Img<FloatType> map = VaeTexture.novelty(m, ImagePlusInput.of(image, false), monitor());
			novelty_mask = VaeTexture.noveltyMask(m, map);
			return map;
		});
	}
}
