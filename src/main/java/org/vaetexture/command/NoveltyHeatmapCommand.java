package org.vaetexture.command;

import java.io.File;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.maps.MapRunner;
import org.vaetexture.maps.NoveltyMap;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.NoveltyStatistics;
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
			final VaeModel m = ModelFile.load(modelFile(model));
			final NoveltyStatistics stats = NoveltyMap.statisticsOf(m, model);
			final Img<FloatType> map = new MapRunner(m).run(ImagePlusInput.of(image, false),
				new NoveltyMap(stats), progress("Novelty heatmap"), this::isCanceled);
			novelty_mask = NoveltyMap.mask(map, stats);
			return map;
		});
	}
}
