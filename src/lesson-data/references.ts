/**
 * The works the course cites, with stable links. Lessons cite them through
 * <Ref id="…" /> and list them with <FurtherReading />, so years and titles
 * live here rather than as hand-typed numbers in the prose.
 */

export interface Reference {
  id: string;
  /** As cited in the text, e.g. "Glorot and Bengio". */
  cite: string;
  /** Full author list for the reading list. */
  authors: string;
  year: number;
  title: string;
  /** Venue or kind of work. */
  venue: string;
  url: string;
  /** Why to read it, one line. */
  note: string;
}

export const REFERENCES: readonly Reference[] = [
  {
    id: 'nielsen',
    cite: 'Nielsen',
    authors: 'Michael Nielsen',
    year: 2015,
    title: 'Neural Networks and Deep Learning, chapter 5: Why are deep neural networks hard to train?',
    venue: 'online book',
    url: 'http://neuralnetworksanddeeplearning.com/chap5.html',
    note: 'the unstable-gradient view, the expanded product ∂C/∂b₁ and the window problem, with figures',
  },
  {
    id: 'hochreiter1991',
    cite: 'Hochreiter',
    authors: 'Sepp Hochreiter',
    year: 1991,
    title: 'Untersuchungen zu dynamischen neuronalen Netzen',
    venue: 'diploma thesis, TU München (in German)',
    url: 'https://people.idsia.ch/~juergen/SeppHochreiter1991ThesisAdvisorSchmidhuber.pdf',
    note: 'the first analysis of the vanishing gradient',
  },
  {
    id: 'lstm1997',
    cite: 'Hochreiter and Schmidhuber',
    authors: 'Sepp Hochreiter and Jürgen Schmidhuber',
    year: 1997,
    title: 'Long short-term memory',
    venue: 'Neural Computation',
    url: 'https://doi.org/10.1162/neco.1997.9.8.1735',
    note: 'the LSTM',
  },
  {
    id: 'hinton2006',
    cite: 'Hinton, Osindero and Teh',
    authors: 'Geoffrey Hinton, Simon Osindero and Yee-Whye Teh',
    year: 2006,
    title: 'A fast learning algorithm for deep belief nets',
    venue: 'Neural Computation',
    url: 'https://doi.org/10.1162/neco.2006.18.7.1527',
    note: 'layer-wise pretraining',
  },
  {
    id: 'glorot2010',
    cite: 'Glorot and Bengio',
    authors: 'Xavier Glorot and Yoshua Bengio',
    year: 2010,
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    venue: 'AISTATS',
    url: 'https://proceedings.mlr.press/v9/glorot10a.html',
    note: 'Xavier initialisation, and why sigmoid networks saturate',
  },
  {
    id: 'pascanu2013',
    cite: 'Pascanu, Mikolov and Bengio',
    authors: 'Razvan Pascanu, Tomas Mikolov and Yoshua Bengio',
    year: 2013,
    title: 'On the difficulty of training recurrent neural networks',
    venue: 'ICML',
    url: 'https://arxiv.org/abs/1211.5063',
    note: 'exploding gradients and gradient clipping',
  },
  {
    id: 'he2015',
    cite: 'He et al.',
    authors: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren and Jian Sun',
    year: 2015,
    title: 'Delving deep into rectifiers',
    venue: 'ICCV',
    url: 'https://arxiv.org/abs/1502.01852',
    note: 'He initialisation for ReLU networks',
  },
  {
    id: 'ioffe2015',
    cite: 'Ioffe and Szegedy',
    authors: 'Sergey Ioffe and Christian Szegedy',
    year: 2015,
    title: 'Batch normalization: accelerating deep network training by reducing internal covariate shift',
    venue: 'ICML',
    url: 'https://arxiv.org/abs/1502.03167',
    note: 'batch normalisation',
  },
  {
    id: 'he2016',
    cite: 'He et al.',
    authors: 'Kaiming He, Xiangyu Zhang, Shaoqing Ren and Jian Sun',
    year: 2016,
    title: 'Deep residual learning for image recognition',
    venue: 'CVPR',
    url: 'https://arxiv.org/abs/1512.03385',
    note: 'residual networks, and degradation as distinct from vanishing gradients',
  },
];

const byId = new Map(REFERENCES.map((r) => [r.id, r]));

/** The reference for an id; an unknown id fails the build. */
export function reference(id: string): Reference {
  const r = byId.get(id);
  if (!r) throw new Error(`no reference "${id}"`);
  return r;
}
