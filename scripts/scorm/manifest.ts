/**
 * imsmanifest.xml for the two SCORM versions, one SCO (the launch page) whose
 * resource lists every file of the package. Taken from ADL's books:
 * the SCORM 1.2 CAM (imscp_rootv1p1p2 and adlcp_rootv1p2, adlcp:scormtype,
 * adlcp:masteryscore, which the LMS hands the SCO as
 * cmi.student_data.mastery_score) and the SCORM 2004 4th edition CAM §3.4
 * "Building Content Packages" (imscp_v1p1, adlcp_v1p3, schemaversion
 * "2004 4th Edition", adlcp:scormType), with the passing score as the primary
 * objective's minNormalizedMeasure (imsss, from the Sequencing and Navigation
 * book), which the LMS hands the SCO as cmi.scaled_passing_score.
 */
export type ScormVersion = '1.2' | '2004';

export interface ManifestOptions {
  version: ScormVersion;
  /** The manifest's identifier; the LMS keys a re-upload by it. */
  identifier: string;
  title: string;
  /** The SCO's launch file, relative to the package root. */
  launch: string;
  /** Every file in the package but the manifest itself. */
  files: readonly string[];
  /** Percent, 0–100. */
  passingPercent: number;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
/** A file path as a manifest href: URL-encoded, then XML-escaped. */
const href = (path: string): string => escapeXml(encodeURI(path));

const HEAD = {
  '1.2': [
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
  ],
  '2004': [
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"',
  ],
} as const;

/** The manifest's XML text. */
export function manifestXml(o: ManifestOptions): string {
  const title = escapeXml(o.title);
  const is12 = o.version === '1.2';
  const passing = is12
    ? `        <adlcp:masteryscore>${o.passingPercent}</adlcp:masteryscore>`
    : [
        '        <imsss:sequencing>',
        '          <imsss:objectives>',
        '            <imsss:primaryObjective objectiveID="course" satisfiedByMeasure="true">',
        `              <imsss:minNormalizedMeasure>${o.passingPercent / 100}</imsss:minNormalizedMeasure>`,
        '            </imsss:primaryObjective>',
        '          </imsss:objectives>',
        '        </imsss:sequencing>',
      ].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${escapeXml(o.identifier)}" version="1.0"`,
    ...HEAD[o.version].map((line) => `    ${line}`),
    '>',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    `    <schemaversion>${is12 ? '1.2' : '2004 4th Edition'}</schemaversion>`,
    '  </metadata>',
    '  <organizations default="course-organization">',
    '    <organization identifier="course-organization">',
    `      <title>${title}</title>`,
    '      <item identifier="course-item" identifierref="course-sco">',
    `        <title>${title}</title>`,
    passing,
    '      </item>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    `    <resource identifier="course-sco" type="webcontent" ${is12 ? 'adlcp:scormtype' : 'adlcp:scormType'}="sco" href="${href(o.launch)}">`,
    ...o.files.map((file) => `      <file href="${href(file)}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}
