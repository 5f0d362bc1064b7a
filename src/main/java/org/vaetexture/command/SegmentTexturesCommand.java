package org.vaetexture.command;

import java.io.File;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.vaetexture.maps.TextureClasses;
import org.vaetexture.maps.TextureClassesFile;
import org.vaetexture.maps.TextureSegmentation;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.VaeModel;

/**
 * Plugins > VAE Texture > Segment Textures: the image's texture features clustered into K classes,
 * an 8-bit label image; or labelled with the classes of an earlier run's centres file.
 */
@Plugin(type = Command.class, menuPath = "Plugins>VAE Texture>Segment Textures", headless = true)
public class SegmentTexturesCommand extends VaeCommand {

	@Parameter(label = "Image")
	private ImagePlus image;

	@Parameter(label = "Model file", persist = false)
	private File model;

	@Parameter(label = "Texture classes", min = "2", max = "255", persist = false)
	private int classes = 2;

	@Parameter(label = "Smoothing radius (-1: 3/4 of the tile size)", min = "-1", persist = false)
	private int smoothing = -1;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(label = "Reuse class centres from", required = false, persist = false)
	private File reuse_centres;

	@Parameter(label = "Write class centres to", required = false, style = "save", persist = false)
	private File write_centres;

	@Parameter(type = ItemIO.OUTPUT, label = "Texture classes")
	private Img<UnsignedByteType> labels;

	@Override
	public void run() {
		labels = guarded(() -> {
			final VaeModel m = ModelFile.load(modelFile(model));
			final TextureClasses fitted = reuse_centres != null ? TextureClassesFile.load(reuse_centres
				.toPath()) : new TextureSegmentation(m, smoothing < 0 ? TextureSegmentation.defaultRadius(m
					.config()) : smoothing).fit(ImagePlusInput.of(image, false), classes, seed, progress(
						"Fitting texture classes"), this::isCanceled);
			final Img<UnsignedByteType> result = TextureSegmentation.of(m, fitted).label(ImagePlusInput.of(
				image, false), fitted, progress("Labelling texture classes"), this::isCanceled);
			if (write_centres != null) TextureClassesFile.save(fitted, write_centres.toPath());
			return result;
		});
	}
}
