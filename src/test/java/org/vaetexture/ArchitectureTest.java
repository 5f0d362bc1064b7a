package org.vaetexture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering README's code map describes: no cycles between packages; the headless core (the
 * facade, the engine, the model, images) knows nothing of its front ends, nor of AWT or Swing.
 */
class ArchitectureTest {

	private static final String[] CORE = { "org.vaetexture", "org.vaetexture.api..",
		"org.vaetexture.dense..", "org.vaetexture.novelty..", "org.vaetexture.segment..",
		"org.vaetexture.decode..", "org.vaetexture.math..", "org.vaetexture.model..",
		"org.vaetexture.train..", "org.vaetexture.image..", "org.vaetexture.store..",
		"org.vaetexture.chunked.." };

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.vaetexture");
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("org.vaetexture.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void theCoreDoesNotKnowItsFrontEnds() {
		noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
			"org.vaetexture.cli..", "org.vaetexture.fiji..", "org.vaetexture.macro..",
			"org.vaetexture.bench..", "org.vaetexture.spark..").check(classes);
	}

	@Test
	void theCoreIsHeadless() {
		noClasses().that().resideInAnyPackage(CORE).should().dependOnClassesThat().resideInAnyPackage(
			"java.awt..", "javax.swing..").check(classes);
	}

	/** The command line, the Fiji commands and the Spark job call the facade, never the engine's workflows. */
	@Test
	void frontEndsGoThroughTheFacade() {
		noClasses().that().resideInAnyPackage("org.vaetexture.cli..", "org.vaetexture.fiji..",
			"org.vaetexture.spark..")
			.should().dependOnClassesThat().resideInAnyPackage("org.vaetexture.dense..",
				"org.vaetexture.novelty..").orShould().dependOnClassesThat().haveSimpleNameEndingWith(
					"Segmentation").orShould().dependOnClassesThat().haveSimpleName("Trainer").orShould()
			.dependOnClassesThat().haveSimpleName("Reconstruction").orShould().dependOnClassesThat()
			.haveSimpleName("TileExtractor").check(classes);
	}
}
