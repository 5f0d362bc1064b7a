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
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

/**
 * Plugins > VAE Texture > Novelty Heatmap: the novelty of every pixel (nats), its mask and, when
 * asked to explain, the score's five parts.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Novelty Heatmap", headless = true)
public class NoveltyHeatmapCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(label = "Explain (the score's parts: code, energy, roughness, shape, orientation)",
		required = false, persist = false)
	private boolean explain;

	@Parameter(type = ItemIO.OUTPUT, label = "Novelty")
	private Img<FloatType> novelty;

	@Parameter(type = ItemIO.OUTPUT, label = "Novelty mask")
	private Img<FloatType> novelty_mask;

	/**
	 * The score's parts, one channel each (code, energy, roughness, shape, orientation); only when
	 * asked to explain.
	 */
	@Parameter(type = ItemIO.OUTPUT, label = "Novelty terms", required = false)
	private Img<FloatType> novelty_terms;

	@Override
	public void run() {
		novelty = guarded(() -> {
			final VaeModel m = VaeTexture.load(modelFile(model));
			final TextureImage input = ImagePlusInput.of(image, false);
			final Img<FloatType> map = VaeTexture.novelty(m, input, monitor());
			novelty_mask = VaeTexture.noveltyMask(m, map);
			if (explain) novelty_terms = VaeTexture.noveltyTerms(m, input, monitor());
			return map;
		});
	}
}
