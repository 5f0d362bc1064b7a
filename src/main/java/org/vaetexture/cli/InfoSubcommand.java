package org.vaetexture.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.vaetexture.api.VaeTexture;
import org.vaetexture.model.EpochRecord;
import org.vaetexture.model.ModelFile;
import org.vaetexture.model.NoveltyStatistics;
import org.vaetexture.model.TrainingSummary;
import org.vaetexture.model.VaeConfig;
import org.vaetexture.model.VaeModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code info}: prints what a model file holds. */
@Command(name = "info", mixinStandardHelpOptions = true,
	description = "Shows a model file's architecture, normalization, training and loss history.")
final class InfoSubcommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private SharedOptions.Model model;

	@Override
	public Integer call() {
		final VaeModel m = VaeTexture.load(model.file);
		final PrintWriter out = spec.commandLine().getOut();
		final VaeConfig c = m.config();
		final TrainingSummary t = m.training();
		out.printf("model          %s (format %d)%n", model.file, ModelFile.formatVersion(model.file));
		out.printf("tile size      %d%n", c.tileSize());
		out.printf("channels       %d%n", c.channels());
		out.printf("latent dim     %d%n", c.latentDim());
		out.printf("filters        %d, %d%n", c.filters1(), c.filters2());
		out.printf("beta           %s%n", c.beta());
		out.printf("normalization  center %s scale %s%n", Arrays.toString(m.normalization().centers()),
			Arrays.toString(m.normalization().scales()));
		out.printf("trained on     %s%n", String.join(", ", t.inputs()));
		out.printf("training       seed %d, batch %d, learning rate %s, %d tiles in %.1f s%s%n", t.seed(),
			t.batchSize(), t.learningRate(), t.tilesSeen(), t.seconds(), t.stoppedEarly()
				? ", stopped early" : "");
		final NoveltyStatistics n = m.novelty();
		if (n == null) out.printf("novelty        not calibrated%n");
		else {
			out.printf("novelty        descriptor %d values, %d neighbours (%s), pool radius %d, smoothing radius %d, mask threshold %.3f nats (%.1f%% of training pixels above)%n",
				n.dimension(), n.neighbourCount(), n.searchDimensions() == NoveltyStatistics.FULL_SEARCH
					? "full search" : "searched in " + n.searchDimensions() + " dimensions", n.poolRadius(), n
						.smoothRadius(), n.threshold(), 100 * n.falsePositiveRate());
			if (n.shape() == null) out.printf(
				"               no grey-level shape term (calibrated before format 5)%n");
			else out.printf("               grey-level shape: skewness over %d x %d pixels, weight %.3f%n",
				2 * n.shape().radius() + 1, 2 * n.shape().radius() + 1, n.shape().weight());
			if (n.orientation() == null) out.printf(
				"               no detail orientation term (calibrated before format 6)%n");
			else out.printf("               detail orientation: steps of 1 and 2 pixels over %d x %d" +
				" pixels, weight %.3f%n", 2 * n.orientation().radius() + 1, 2 * n.orientation().radius() + 1,
				n.orientation().weight());
		}
		out.printf("%-6s %12s %10s %12s %10s%n", "epoch", "train recon", "train KL", "valid recon",
			"valid KL");
		for (final EpochRecord e : m.history())
			out.printf("%-6d %12.3f %10.3f %12.3f %10.3f%n", e.epoch(), e.trainRecon(), e.trainKl(), e
				.validationRecon(), e.validationKl());
		out.flush();
		return 0;
	}
}
