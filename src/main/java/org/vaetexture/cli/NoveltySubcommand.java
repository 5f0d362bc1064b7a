package org.vaetexture.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import org.vaetexture.AtomicFiles;
import org.vaetexture.VaeTextureException;
import org.vaetexture.api.VaeTexture;
import org.vaetexture.chunked.ChunkedMap;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code novelty}: the novelty heatmap and, optionally, its thresholded mask. */
@Command(name = "novelty", mixinStandardHelpOptions = true,
	description = "Writes the novelty heatmap (nats): how far each pixel's local texture lies from the training texture.")
final class NoveltySubcommand extends MapSubcommand {

	@Option(names = "--mask-output", paramLabel = "MASK",
		description = "Also write a mask: 1 where the score exceeds the threshold the model set at its false-positive rate on training pixels (default 1%); OME-Zarr (.zarr, the map computed a second time) with an OME-Zarr --output.")
	private Path maskOutput;

	@Override
	void checkOtherOutputs() {
		if (maskOutput != null) AtomicFiles.requireTarget(maskOutput, "--mask-output");
	}

	@Override
	void compute(final VaeModel m, final TextureImage image, final ConsoleMonitor monitor) {
		final Img<FloatType> map = VaeTexture.novelty(m, image, monitor);
		monitor.done();
		write(map, 1, List.of("novelty (nats)"), output.file, "novelty of " + image.name());
		if (maskOutput != null) { // the map is written: its pixels become the mask, no second image
			VaeTexture.noveltyMaskInPlace(m, map);
			write(map, 1, List.of("novel"), maskOutput, "novelty mask of " + image.name());
		}
	}

	/** The map, and the mask from the map's second run when --mask-output is given. */
	@Override
	Map<Path, ChunkedMap> chunkedOutputs(final VaeModel m, final ConsoleMonitor monitor) {
		final Map<Path, ChunkedMap> outputs = new LinkedHashMap<>();
		outputs.put(output.file, ChunkedMap.novelty());
		if (maskOutput != null) {
			if (!isZarr(maskOutput)) throw new VaeTextureException("--mask-output '" + maskOutput +
				"' does not end in .zarr; with an OME-Zarr --output the mask is OME-Zarr too");
			outputs.put(maskOutput, ChunkedMap.noveltyMask());
		}
		return outputs;
	}
}
