package org.cyclecolor;

/**
 * How to cite the method this suite implements (shown by About, the README and CITATION.cff).
 * The paper appeared at the Thirty-Fourth AAAI Conference on Artificial Intelligence (AAAI-20),
 * proceedings volume 34.
 */
public final class Citation {

	/** The paper, in one line. */
	public static final String TEXT = "Xuan Dong, Weixin Li, Xiaojie Wang, Yunhong Wang: Cycle-CNN for Colorization "
		+ "towards Real Monochrome-Color Camera Systems. Proceedings of the AAAI Conference on Artificial Intelligence "
		+ "34 (AAAI-20), 2020.";

	/** BibTeX entry for the paper. */
	public static final String BIBTEX = "@inproceedings{dong2020cyclecnn,\n"
		+ "  author    = {Dong, Xuan and Li, Weixin and Wang, Xiaojie and Wang, Yunhong},\n"
		+ "  title     = {Cycle-{CNN} for Colorization towards Real Monochrome-Color Camera Systems},\n"
		+ "  booktitle = {Proceedings of the AAAI Conference on Artificial Intelligence},\n"
		+ "  volume    = {34},\n"
		+ "  year      = {2020}\n"
		+ "}";

	private Citation() {}
}
