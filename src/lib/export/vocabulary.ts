// The small shipped vocabulary the glued-list splitter starts from: language names from GitHub
// linguist (via the `linguist-languages` package) plus a general list of common engineering skills.
// It is deliberately generic; items specific to one export are learned from that export itself.
import * as linguist from 'linguist-languages';
import { knownWords, type Vocabulary } from './split-glued.ts';

/** Languages and language-like technologies that linguist does not list under these names. */
const EXTRA_LANGUAGES = ['BPF', 'eBPF', 'Bash', 'CUDA', 'Solidity', 'Terraform', 'YAML', 'JSON', 'Protobuf', 'SQL', 'PL/SQL', 'T-SQL'];

/** Common engineering skills, as they are usually written on profiles. */
export const SKILLS: readonly string[] = [
  // Practices and process
  'Agile', 'Automation', 'Code Review', 'Continuous Integration', 'Continuous Delivery', 'Continuous Deployment', 'CI/CD',
  'DevOps', 'Documentation', 'Technical Writing', 'Release Engineering', 'Release Management', 'Version Control', 'Git',
  'Open Source', 'Refactoring', 'Code Refactoring', 'Testing', 'Unit Testing', 'Integration Testing', 'End-to-End Testing',
  'Test Automation', 'Test-Driven Development', 'Fuzzing', 'Fuzz Testing', 'Debugging', 'Troubleshooting', 'Profiling',
  'Performance Optimization', 'Performance Tuning', 'Performance Engineering', 'Benchmarking', 'Code Quality', 'Static Analysis',
  'Dependency Management', 'Package Management', 'Configuration Management', 'Project Management', 'Mentoring',
  // Design and architecture
  'Software Architecture', 'System Design', 'Software Design', 'API Design', 'API Development', 'API Integration', 'REST APIs',
  'RESTful APIs', 'GraphQL', 'gRPC', 'Microservices', 'Distributed Systems', 'Event-Driven Architecture', 'Design Patterns',
  'Object-Oriented Programming', 'Functional Programming', 'Domain-Driven Design', 'Scalability', 'Reliability', 'Observability',
  'Monitoring', 'Logging', 'Tracing', 'Metrics', 'Error Handling', 'Caching', 'Concurrency', 'Parallel Computing',
  'Multithreading', 'Asynchronous Programming', 'Concurrent Programming', 'Synchronization', 'Locking',
  // Systems
  'Systems Programming', 'System Programming', 'Embedded Systems', 'Firmware', 'Firmware Development', 'Device Drivers',
  'Driver Development', 'Kernel Development', 'Linux Kernel', 'Linux Kernel Development', 'Operating Systems', 'Linux',
  'Unix', 'Memory Management', 'Memory Safety', 'Scheduling', 'Task Scheduling', 'CPU Scheduling', 'Process Scheduling',
  'Scheduling Algorithms', 'Scheduler', 'Virtualization', 'Containers', 'Containerization', 'Networking', 'Network Programming',
  'TCP/IP', 'File Systems', 'Storage', 'Compilers', 'Compiler Design', 'Interpreters', 'Low-Level Programming',
  'Assembly Language', 'Bit Manipulation', 'Computer Architecture', 'Hardware', 'Real-Time Systems', 'High-Performance Computing',
  'Shell Scripting', 'Scripting', 'Build Systems', 'Build Tools', 'Build Automation', 'Command Line Tools', 'CLI', 'CLI Development',
  'C Programming', 'C++ Programming', 'BPF', 'eBPF', 'NUMA', 'SIMD', 'Algorithms', 'Data Structures', 'Algorithm Design',
  // Cloud and infrastructure
  'Cloud Computing', 'AWS', 'Azure', 'Google Cloud', 'GCP', 'Kubernetes', 'Docker', 'Helm', 'Terraform', 'Ansible',
  'Infrastructure as Code', 'Serverless', 'Site Reliability Engineering', 'SRE', 'Load Balancing', 'Nginx', 'GitHub Actions',
  'Jenkins', 'GitLab CI',
  // Data
  'Databases', 'Database Design', 'SQL', 'NoSQL', 'PostgreSQL', 'MySQL', 'SQLite', 'MongoDB', 'Redis', 'Elasticsearch', 'Kafka',
  'Data Engineering', 'Data Analysis', 'Data Modeling', 'Data Pipelines', 'ETL', 'Data Visualization', 'Big Data', 'Spark',
  'Machine Learning', 'Deep Learning', 'Artificial Intelligence', 'Natural Language Processing', 'Computer Vision',
  'PyTorch', 'TensorFlow', 'NumPy', 'Pandas', 'Statistics', 'Data Science',
  // Web and apps
  'Frontend Development', 'Backend Development', 'Full Stack Development', 'Web Development', 'Mobile Development',
  'Android Development', 'iOS Development', 'React', 'React Native', 'Vue.js', 'Angular', 'Svelte', 'Next.js', 'Node.js',
  'Express', 'Django', 'Flask', 'FastAPI', 'Spring Boot', 'Ruby on Rails', '.NET', 'HTML', 'CSS', 'UI Design', 'UX Design',
  'Accessibility', 'Web Performance', 'Responsive Design', 'State Management', 'Webpack', 'Vite',
  // Security
  'Security', 'Application Security', 'Cryptography', 'Authentication', 'Authorization', 'OAuth', 'Vulnerability Management',
  'Secure Coding', 'Access Control', 'Sandboxing',
];

/** Returns the vocabulary: linguist language names (plus a few extras) and the skills list. */
export function defaultVocabulary(): Vocabulary {
  const languageNames = Object.values(linguist).map((l) => (l as { name: string }).name);
  return {
    languages: knownWords([...languageNames, ...EXTRA_LANGUAGES]),
    skills: knownWords(SKILLS),
  };
}
